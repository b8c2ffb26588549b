/** `step`: another party took a step on the case (named by its event type). */
import type { LadderEvent, Verdict } from "@/lib/ladder";
import type { Audience, Notice } from "../notice";

/** `verdict`: a decision's (R2.4, R2.6, R3.3), which the notice says beside the step. */
export function step(audience: Audience, event: LadderEvent["type"], verdict?: Verdict): Notice {
  return { audience, kind: "step", params: { step: event, ...(verdict ? { verdict } : {}) }, mail: true };
}
