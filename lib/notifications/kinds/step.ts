/** `step`: another party took a step on the case (named by its event type). */
import type { LadderEvent, Verdict } from "@/lib/ladder";
import type { Audience, Notice } from "../notice";

/** `said`: what the step decided, which the notice says beside it (a decision's verdict, an eligibility decision). */
export function step(audience: Audience, event: LadderEvent["type"], said: Said = {}): Notice {
  return { audience, kind: "step", params: { step: event, ...said }, mail: true };
}

export interface Said {
  verdict?: Verdict;
  eligibility?: string;
}
