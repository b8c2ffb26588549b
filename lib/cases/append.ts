/**
 * Appends events to case histories, each hash-chained to the one before it on its case.
 * Many cases take one INSERT (the deadline sweep relies on it).
 */
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { tableRows } from "@/db/json-rows";
import { caseEvents } from "@/db/schema";
import type { LadderEvent } from "@/lib/ladder";
import { payloadOf } from "./event-codec";
import { eventHash } from "./hash-chain";

export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export interface ChainLink {
  seq: number;
  hash: string;
}

export interface Appendable {
  caseId: string;
  event: LadderEvent;
  actorUserId: string | null;
  meta?: RequestMeta;
  /**
   * The case's last event, read under the case's row lock; null for a new case. A later item
   * for the same case in one call chains to the earlier one instead.
   */
  after: ChainLink | null;
  /** The client's key for a step sent through the API (one event per key on a case). */
  idempotencyKey?: string;
}

/** The last link of a case's chain, from its events in order. */
export function lastLink(events: readonly ChainLink[]): ChainLink | null {
  const last = events.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
}

export interface Appended {
  /** Each event's sequence number on its case, in order. */
  seqs: number[];
  /** Each case's new last hash, which the projection stores on the case row. */
  heads: Map<string, string>;
}

/** Writes the events (the caller's projection then records each case's new head). */
export async function appendEvents(tx: Tx, items: Appendable[]): Promise<Appended> {
  if (!items.length) return { seqs: [], heads: new Map() };
  const chain = new Map<string, ChainLink | null>();
  const rows = items.map(({ caseId, event, actorUserId, meta, after }) => {
    const previous = chain.has(caseId) ? chain.get(caseId)! : after;
    const seq = (previous?.seq ?? 0) + 1;
    const data = payloadOf(event);
    const prevHash = previous?.hash ?? null;
    const hash = eventHash(prevHash, { caseId, seq, type: event.type, at: event.at, party: event.by, actorUserId, data });
    chain.set(caseId, { seq, hash });
    return { caseId, seq, type: event.type, at: event.at, party: event.by, actorUserId, data, ip: meta?.ip ?? null, userAgent: meta?.userAgent?.slice(0, 500) ?? null, prevHash, hash };
  });
  // An idempotency key comes with a single step; the sweep's batches carry none.
  if (rows.length === 1) await tx.insert(caseEvents).values({ ...rows[0]!, idempotencyKey: items[0]!.idempotencyKey ?? null });
  else {
    // Many events (the sweep): one JSON parameter rather than eleven bound values each.
    const { columns, source } = tableRows(caseEvents, ["caseId", "seq", "type", "at", "party", "actorUserId", "data", "ip", "userAgent", "prevHash", "hash"], rows);
    await tx.execute(sql`INSERT INTO case_events (${columns}) SELECT ${columns} FROM ${source} AS e`);
  }
  return { seqs: rows.map((r) => r.seq), heads: new Map([...chain].map(([caseId, link]) => [caseId, link!.hash])) };
}
