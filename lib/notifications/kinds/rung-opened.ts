/** `rung-opened`: a way up the ladder opened to the complainant. */
import type { Notice } from "../notice";

export function rungOpened(rung: string): Notice {
  return { audience: { to: "complainant" }, kind: "rung-opened", params: { rung }, mail: true };
}
