/** `reminder`: a clock runs out in `days` days (policy: 7 and 1), told to whoever must act. */
import type { Party } from "@/lib/ladder";
import { audienceOfParty, dueParams, type Notice } from "../notice";

export function reminder(clock: { kind: string; party: Party; dueAt: Date; zone: string }, days: number): Notice | null {
  const audience = audienceOfParty(clock.party);
  return audience ? { audience, kind: "reminder", params: { clock: clock.kind, ...dueParams(clock), days }, mail: true } : null;
}
