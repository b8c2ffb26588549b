/**
 * The notices and webhook deliveries recorded events cause, written in the transaction that
 * records them.
 */
import type { Tx } from "@/db/client";
import { advance, snapshot, type CaseFacts, type LadderEvent } from "@/lib/ladder";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { eventsOfStep } from "@/lib/webhooks/events";
import { dispatch, withdrawReferralPrompts, type CaseForNotice } from "./dispatch";
import { noticesForEvent, withdrawsReferralPrompt, type FoldedStates } from "./rules";

export interface RecordedEvent {
  caseRow: CaseForNotice;
  /** The case's facts before the event. */
  before: CaseFacts;
  event: LadderEvent;
  seq: number;
  actorUserId: string | null;
  /** The case's state before and after the event, where the caller has folded them. */
  states?: FoldedStates;
}

export async function notifyEvents(tx: Tx, recorded: RecordedEvent[], now: Date) {
  await enqueueWebhooks(
    tx,
    recorded.flatMap(({ caseRow, event, seq }) => eventsOfStep(caseRow, event, seq)),
  );
  const referred = recorded.filter(({ before, event, states }) => event.type === "referral.status_changed" && withdrawsReferralPrompt(event, (states?.after ?? advance(snapshot(before, now), event)).state, now));
  await withdrawReferralPrompts(tx, referred.map((r) => r.caseRow.id), now);
  return dispatch(
    tx,
    recorded.flatMap(({ caseRow, before, event, seq, actorUserId, states }) =>
      noticesForEvent(before, event, now, states).map((notice) => ({ caseRow, notice, key: `ev:${caseRow.id}:${seq}`, actorUserId })),
    ),
  );
}
