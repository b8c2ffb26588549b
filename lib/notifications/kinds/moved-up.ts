/** `moved-up`: the company learns that the case went on to a body's rung. */
import type { BodyRung, Notice } from "../notice";

export function movedUp(rung: BodyRung): Notice {
  return { audience: { to: "organisation" }, kind: "moved-up", params: { rung }, mail: true };
}
