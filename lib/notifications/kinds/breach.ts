/** `breach`: a clock ran out, told to the party that had to act. */
import type { Clock } from "@/lib/ladder";
import { audienceOfParty, dueParams, type Notice } from "../notice";

export function breach(clock: Pick<Clock, "kind" | "party" | "dueAt" | "zone">): Notice | null {
  const audience = audienceOfParty(clock.party);
  return audience ? { audience, kind: "breach", params: { clock: clock.kind, ...dueParams(clock) }, mail: true } : null;
}
