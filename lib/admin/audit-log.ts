/**
 * The administrators' view of the audit log (changes outside cases: accounts, teams,
 * directory, policy, API tokens, erasure): filtered, newest first, paged by sequence number,
 * and the same rows as CSV. Read-only: the log refuses every change (migration 0032).
 */
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/policy";

export const AUDIT_PAGE_SIZE = 50;

export const auditFilterSchema = z.object({
  entity: z.string().trim().max(40).regex(/^[a-z_]*$/).optional().catch(undefined),
  action: z.string().trim().max(60).regex(/^[a-z_]*$/).optional().catch(undefined),
  /** An actor's address or name, in part. */
  who: z.string().trim().max(200).optional().catch(undefined),
  /** Calendar days (UTC), inclusive. */
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  /** Rows older than this sequence number (the next page). */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEntry {
  seq: number;
  at: Date;
  actor: string | null;
  entity: string;
  entityId: string;
  action: string;
  data: unknown;
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.who) {
    const pattern = `%${filter.who.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.email, pattern), ilike(users.name, pattern))!);
  }
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) where.push(lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)));
  return where;
}

export async function listAuditEntries(db: Db, actor: Actor, filter: AuditFilter, limit = AUDIT_PAGE_SIZE): Promise<{ entries: AuditEntry[]; next: number | null }> {
  requireAdmin(actor);
  const where = conditions(filter);
  if (filter.before) where.push(lt(auditLog.seq, filter.before));
  const rows = await db
    .select({ seq: auditLog.seq, at: auditLog.at, actor: sql<string | null>`coalesce(${users.email}, ${auditLog.actorUserId})`, entity: auditLog.entity, entityId: auditLog.entityId, action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((r) => ({ ...r, seq: Number(r.seq) }));
  return { entries, next: rows.length > limit ? entries.at(-1)!.seq : null };
}

/** The distinct entities and actions, for the filter's choices. */
export async function auditVocabulary(db: Db, actor: Actor) {
  requireAdmin(actor);
  const rows = await db.selectDistinct({ entity: auditLog.entity, action: auditLog.action }).from(auditLog);
  return { entities: [...new Set(rows.map((r) => r.entity))].sort(), actions: [...new Set(rows.map((r) => r.action))].sort() };
}
