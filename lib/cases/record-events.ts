/**
 * The one way events are written, for one step or a sweep's batch: each proposed event is
 * judged by the ladder's `decide` against its case as it stands (after the batch's earlier
 * events on the same case), then the accepted ones are appended to their cases' hash chains,
 * the cases handed over where an event says so, re-projected, and told (notices and webhook
 * deliveries) — in the caller's transaction.
 */
import type { Tx } from "@/db/client";
import { RuleError } from "@/lib/errors";
import { advance, decide, snapshot, type CaseSnapshot, type LadderEvent } from "@/lib/ladder";
import type { CaseForNotice } from "@/lib/notifications/dispatch";
import { notifyEvents } from "@/lib/notifications/notify-events";
import type { FoldedStates } from "@/lib/notifications/rules";
import { appendEvents, type ChainLink, type RequestMeta } from "./append";
import { handOver, type HandOverRow } from "./hand-over";
import { withBodyZone } from "./load";
import { projectCases, type Projectable } from "./projection";

/** A case the batch may write to, as it stands: its row, its snapshot at `now`, the last link of its chain. */
export interface CaseAt {
  row: Projectable["row"] & HandOverRow & CaseForNotice;
  snap: CaseSnapshot;
  last: ChainLink | null;
}

export interface Proposal {
  caseId: string;
  event: LadderEvent;
  actorUserId: string | null;
  meta?: RequestMeta;
  /** A client's key for the step (the API's Idempotency-Key). */
  idempotencyKey?: string;
}

export interface RecordedEvents {
  /** The accepted events, in order, each with its sequence number and the case before and after it. */
  recorded: (Proposal & { seq: number; states: FoldedStates })[];
  /** Each case's version after the batch. */
  versions: Map<string, number>;
}

export interface RecordOptions {
  /** `throw` (a person's step: the refusal is the answer) or `skip` (the sweep: a clock already recorded, say). */
  refused?: "throw" | "skip";
  /** Writes that belong with the events once they have their numbers (a step's message). */
  afterAppend?: (recorded: RecordedEvents["recorded"]) => Promise<void>;
  /** The cases have no projection yet (a filing): nothing stored to compare with. */
  fresh?: boolean;
}

/** Every case in `cases` is re-projected, with events or without (a sweep re-projects each case it locked). */
export async function recordEvents(tx: Tx, cases: CaseAt[], proposals: Proposal[], now: Date, { refused = "throw", afterAppend, fresh }: RecordOptions = {}): Promise<RecordedEvents> {
  const byId = new Map(cases.map((c) => [c.row.id, c]));
  const current = new Map(cases.map((c) => [c.row.id, c.snap]));
  const recorded: RecordedEvents["recorded"] = [];
  for (const proposal of proposals) {
    const was = current.get(proposal.caseId)!;
    const decision = decide(was, proposal.event);
    if (!decision.ok) {
      if (refused === "throw") throw new RuleError(decision.reason);
      continue;
    }
    // Events are recorded in time order, so one more step of the fold is the fold of them all.
    const is = advance(was, proposal.event);
    current.set(proposal.caseId, is);
    recorded.push({ ...proposal, seq: 0, states: { before: was, after: is } });
  }

  // Each case's chain continues from its stored last link (appendEvents links a batch's later events to its earlier ones).
  const { seqs, heads } = await appendEvents(
    tx,
    recorded.map((r) => ({ caseId: r.caseId, event: r.event, actorUserId: r.actorUserId, meta: r.meta, after: byId.get(r.caseId)!.last, idempotencyKey: r.idempotencyKey })),
  );
  recorded.forEach((r, i) => (r.seq = seqs[i]!));
  await afterAppend?.(recorded);
  for (const r of recorded) {
    const received = await handOver(tx, byId.get(r.caseId)!.row, r.event);
    // The receiving body's clocks count in its own zone from the hand-over on: projected so, not in UTC.
    if (received) {
      const snap = current.get(r.caseId)!;
      current.set(r.caseId, snapshot(withBodyZone(snap.facts, received.rung, received.zone), snap.now));
    }
  }

  const projected = await projectCases(tx, cases.map((c) => ({ row: c.row, snap: current.get(c.row.id)! })), now, { heads, fresh });
  await notifyEvents(
    tx,
    recorded.map((r) => ({ caseRow: byId.get(r.caseId)!.row, before: r.states.before.facts, event: r.event, seq: r.seq, actorUserId: r.actorUserId, states: r.states })),
    now,
  );
  return { recorded, versions: new Map(cases.map((c, i) => [c.row.id, projected[i]!])) };
}
