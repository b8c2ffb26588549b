/**
 * Checks every case's history against its hash chain: each event's hash must match its
 * content and the hash before it, sequence numbers must run 1, 2, 3… without a gap, and the
 * last hash must be the one the case row remembers. An edited, deleted or inserted event
 * shows up as a problem with the case and the place.
 */
import { asc, gt, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { eventHash } from "@/lib/cases/hash-chain";
import { groupBy } from "@/lib/group-by";

export type ChainProblem =
  | { caseId: string; reference: string; seq: number; problem: "hash_mismatch" | "broken_link" | "gap" }
  | { caseId: string; reference: string; seq: number | null; problem: "head_mismatch" };

export interface ChainReport {
  cases: number;
  events: number;
  problems: ChainProblem[];
}

export async function verifyChains(db: Db, { batchSize = 500 } = {}): Promise<ChainReport> {
  const report: ChainReport = { cases: 0, events: 0, problems: [] };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await db
      .select({ id: cases.id, reference: cases.reference, headHash: cases.headHash })
      .from(cases)
      .where(gt(cases.id, after))
      .orderBy(asc(cases.id))
      .limit(batchSize);
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const events = await db
      .select()
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, batch.map((c) => c.id)))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq));
    const byCase = groupBy(events, (e) => e.caseId);
    for (const c of batch) {
      const chain = byCase.get(c.id) ?? [];
      report.cases++;
      report.events += chain.length;
      report.problems.push(...checkChain(c, chain));
    }
  }
  return report;
}

function checkChain(c: { id: string; reference: string; headHash: string | null }, chain: (typeof caseEvents.$inferSelect)[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let previous: string | null = null;
  let nextSeq = 1;
  for (const e of chain) {
    const at = { caseId: c.id, reference: c.reference, seq: e.seq };
    if (e.seq !== nextSeq) problems.push({ ...at, problem: "gap" });
    nextSeq = e.seq + 1;
    if (e.prevHash !== previous) problems.push({ ...at, problem: "broken_link" });
    const expected = eventHash(e.prevHash, { caseId: e.caseId, seq: e.seq, type: e.type, at: e.at, party: e.party, actorUserId: e.actorUserId, data: e.data });
    if (expected !== e.hash) problems.push({ ...at, problem: "hash_mismatch" });
    previous = e.hash;
  }
  const head = chain.at(-1)?.hash ?? null;
  if (c.headHash !== head) problems.push({ caseId: c.id, reference: c.reference, seq: chain.at(-1)?.seq ?? null, problem: "head_mismatch" });
  return problems;
}
