/** `remedies-ordered`: a body's decision orders the company to carry out remedies (R4.3), with how many. */
import type { LadderEvent, Verdict } from "@/lib/ladder";
import type { Notice } from "../notice";

export function remediesOrdered(event: LadderEvent["type"], count: number, verdict?: Verdict): Notice {
  return { audience: { to: "organisation" }, kind: "remedies-ordered", params: { step: event, count, ...(verdict ? { verdict } : {}) }, mail: true };
}
