/**
 * Signed chain heads ("anchors"). A chain's hashes show an edit only to someone who cannot
 * recompute them; whoever can write to the database can rewrite an event and rehash every
 * later one. An anchor is a statement of every chain's head (each case's last event; the
 * audit log's last row) at a time, signed with an Ed25519 key kept away from the database.
 * Checked against a later database, each anchored head must still be there with its hash:
 * a rewritten history no longer leads to it. A case that is gone passes only when the audit
 * log, after the anchored head, records its erasure.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { jsonRows } from "@/db/json-rows";
import { canonical } from "@/lib/cases/hash-chain";

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface AnchorStatement {
  kind: "recourse.audit-anchor";
  version: 1;
  at: string;
  /** Each case's head, by case id. */
  events: Record<string, ChainHead>;
  auditLog: ChainHead | null;
}

export interface Anchor {
  statement: AnchorStatement;
  algorithm: "ed25519";
  signature: string;
}

export type AnchorProblem =
  | { chain: "case"; caseId: string; seq: number; problem: "anchor_mismatch" | "missing" }
  | { chain: "audit_log"; seq: number; problem: "anchor_mismatch" | "missing" }
  | { chain: "anchor"; problem: "bad_signature" };

/** Every chain's head, read in one snapshot. */
export async function chainHeads(db: Db): Promise<Pick<AnchorStatement, "events" | "auditLog">> {
  return db.transaction(
    async (tx) => {
      const events = rowsOf<{ case_id: string; seq: number; hash: string }>(await tx.execute(sql`SELECT DISTINCT ON (case_id) case_id, seq, hash FROM case_events ORDER BY case_id, seq DESC`));
      const [audit] = rowsOf<{ seq: string | number; hash: string }>(await tx.execute(sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`));
      return {
        events: Object.fromEntries(events.map((e) => [e.case_id, { seq: Number(e.seq), hash: e.hash }])),
        auditLog: audit ? { seq: Number(audit.seq), hash: audit.hash } : null,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

export async function createAnchor(db: Db, privateKey: KeyObject, at = new Date()): Promise<Anchor> {
  const statement: AnchorStatement = { kind: "recourse.audit-anchor", version: 1, at: at.toISOString(), ...(await chainHeads(db)) };
  return { statement, algorithm: "ed25519", signature: sign(null, Buffer.from(canonical(statement)), privateKey).toString("base64") };
}

export function anchorSignatureValid(anchor: Anchor, publicKey: KeyObject): boolean {
  if (anchor?.algorithm !== "ed25519" || anchor.statement?.kind !== "recourse.audit-anchor" || typeof anchor.signature !== "string") return false;
  return verify(null, Buffer.from(canonical(anchor.statement)), publicKey, Buffer.from(anchor.signature, "base64"));
}

/** What of the anchored history the database no longer holds as it was. */
export async function checkAnchor(db: Db, anchor: Anchor, publicKey: KeyObject, { batchSize = 10_000 } = {}): Promise<AnchorProblem[]> {
  if (!anchorSignatureValid(anchor, publicKey)) return [{ chain: "anchor", problem: "bad_signature" }];
  const problems: AnchorProblem[] = [];
  const anchoredAudit = anchor.statement.auditLog;
  if (anchoredAudit) {
    const [row] = rowsOf<{ hash: string }>(await db.execute(sql`SELECT hash FROM audit_log WHERE seq = ${anchoredAudit.seq}`));
    if (!row) problems.push({ chain: "audit_log", seq: anchoredAudit.seq, problem: "missing" });
    else if (row.hash !== anchoredAudit.hash) problems.push({ chain: "audit_log", seq: anchoredAudit.seq, problem: "anchor_mismatch" });
  }
  const entries = Object.entries(anchor.statement.events).map(([caseId, head]) => ({ caseId, seq: head.seq, hash: head.hash }));
  for (let i = 0; i < entries.length; i += batchSize) {
    const batch = entries.slice(i, i + batchSize);
    const differing = rowsOf<{ case_id: string; seq: number; current: string | null; case_exists: boolean; erased: boolean }>(
      await db.execute(sql`
        SELECT a."caseId" AS case_id, a.seq, e.hash AS current,
          EXISTS (SELECT 1 FROM cases c WHERE c.id = a."caseId") AS case_exists,
          EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'case' AND l.entity_id = a."caseId"::text AND l.action = 'erased' AND l.seq > ${anchoredAudit?.seq ?? 0}) AS erased
        FROM ${jsonRows(batch, { caseId: "uuid", seq: "int", hash: "text" })} AS a
        LEFT JOIN case_events e ON e.case_id = a."caseId" AND e.seq = a.seq
        WHERE e.hash IS DISTINCT FROM a.hash`),
    );
    for (const d of differing) {
      if (d.current === null && !d.case_exists && d.erased) continue;
      problems.push({ chain: "case", caseId: d.case_id, seq: Number(d.seq), problem: d.current === null ? "missing" : "anchor_mismatch" });
    }
  }
  return problems;
}

/** A new Ed25519 key pair as PEM: the private key signs anchors, the public key checks them. */
export function newAnchorKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), publicKey: publicKey.export({ type: "spki", format: "pem" }).toString() };
}

export const privateKeyOf = (pem: string | Buffer) => createPrivateKey(pem);
/** From a public key's PEM, or a private key's (its public half). */
export const publicKeyOf = (pem: string | Buffer) => createPublicKey(pem);
