/**
 * The notices and webhook deliveries recorded events cause, written in the transaction that
 * records them.
 */
import type { Tx } from "@/db/client";
import { advance, snapshot, type CaseFacts, type LadderEvent } from "@/lib/ladder";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { eventsOfStep } from "@/lib/webhooks/events";
import { dispatch, withdrawReferralPrompts, type CaseForNotice, type Dispatch } from "./dispatch";
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
    oneNoticePerMissedBatch(
      recorded.flatMap(({ caseRow, before, event, seq, actorUserId, states }) =>
        noticesForEvent(before, event, now, states).map((notice) => ({ caseRow, notice, key: `ev:${caseRow.id}:${seq}`, actorUserId })),
      ),
    ),
  );
}

const MERGED: readonly string[] = ["missed", "breach"];

/**
 * The deadlines of one case that a batch (a sweep) finds run out are one notice to each party
 * told, naming them all, not one each; the rungs they opened are named once.
 */
export function oneNoticePerMissedBatch(items: Dispatch[]): Dispatch[] {
  const out: Dispatch[] = [];
  const first = new Map<string, Dispatch>();
  for (const item of items) {
    const { kind, audience, params } = item.notice;
    if (!MERGED.includes(kind)) {
      out.push(item);
      continue;
    }
    const key = `${item.caseRow.id}:${kind}:${JSON.stringify(audience)}`;
    const earlier = first.get(key);
    if (!earlier) {
      const copy = { ...item, notice: { ...item.notice, params: { ...params } } };
      first.set(key, copy);
      out.push(copy);
      continue;
    }
    const merged = earlier.notice.params;
    merged.clock = `${merged.clock},${params.clock}`;
    merged.variant = "many";
    const opens = [merged.opens, params.opens].filter((o): o is string => typeof o === "string" && o !== "").flatMap((o) => o.split(","));
    if (opens.length) merged.opens = [...new Set(opens)].join(",");
  }
  return out;
}
