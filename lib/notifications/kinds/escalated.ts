/** `escalated`: a body receives the case at its rung (the ladder's hand-over). */
import type { BodyRung, Notice } from "../notice";

export function escalated(rung: BodyRung): Notice {
  return { audience: { to: "body", rung }, kind: "escalated", params: { rung }, mail: true };
}
