/**
 * Checks the audit log's hash chain (migration 0032 writes it by trigger): rows run 1, 2, 3…
 * without a gap, each names the hash before it, each hash matches the row's content, and
 * where the ip and user agent are still there (erasure clears them with their salt), they
 * match the digest the hash covers.
 */
import { hash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export type AuditProblem = { seq: number; problem: "hash_mismatch" | "broken_link" | "gap" | "personal_mismatch" };

export interface AuditReport {
  rows: number;
  head: { seq: number; hash: string } | null;
  problems: AuditProblem[];
}

interface Row {
  seq: string | number;
  prev_hash: string | null;
  hash: string;
  body: string;
  personal_salt: string | null;
  personal_digest: string | null;
  personal: string;
  has_personal: boolean;
}

const sha256 = (text: string) => hash("sha256", text, "hex");

export async function verifyAuditLog(db: Db, { batchSize = 5000 } = {}): Promise<AuditReport> {
  const report: AuditReport = { rows: 0, head: null, problems: [] };
  let previous: string | null = null;
  let nextSeq = 1;
  for (let after = 0; ; ) {
    // The same text as the trigger's audit_log_body(), built here rather than called, so a
    // changed function in the database does not change what is checked.
    const batch = rowsOf<Row>(
      await db.execute(sql`
        SELECT seq, prev_hash, hash, personal_salt, personal_digest,
          jsonb_build_object('seq', seq, 'prevHash', prev_hash, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'actorUserId', actor_user_id, 'entity', entity, 'entityId', entity_id, 'action', action, 'data', data, 'personal', personal_digest)::text AS body,
          jsonb_build_array(ip, user_agent)::text AS personal,
          (ip IS NOT NULL OR user_agent IS NOT NULL) AS has_personal
        FROM audit_log WHERE seq > ${after} ORDER BY seq LIMIT ${batchSize}`),
    );
    if (!batch.length) break;
    for (const r of batch) {
      const seq = Number(r.seq);
      report.rows++;
      if (seq !== nextSeq) report.problems.push({ seq, problem: "gap" });
      nextSeq = seq + 1;
      if (r.prev_hash !== previous) report.problems.push({ seq, problem: "broken_link" });
      if (sha256(r.body) !== r.hash) report.problems.push({ seq, problem: "hash_mismatch" });
      const personalIntact = r.personal_salt ? sha256(r.personal_salt + r.personal) === r.personal_digest : !r.has_personal;
      if (!personalIntact) report.problems.push({ seq, problem: "personal_mismatch" });
      previous = r.hash;
      report.head = { seq, hash: r.hash };
    }
    after = Number(batch.at(-1)!.seq);
  }
  return report;
}
