/** `step`: another party took a step on the case (named by its event type). */
import type { LadderEvent } from "@/lib/ladder";
import type { Audience, Notice } from "../notice";

export function step(audience: Audience, event: LadderEvent["type"]): Notice {
  return { audience, kind: "step", params: { step: event }, mail: true };
}
