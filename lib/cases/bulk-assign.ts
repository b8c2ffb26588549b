/**
 * Assigning several of an organisation's cases at once, from its queue. Each case is one
 * `case.assigned` step through `recordEvent` (its own transaction, its own version check), so
 * a case that changed meanwhile or may not be assigned is reported and the others still are.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseScope, requireActing } from "@/lib/auth/policy";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { assertQueueReader } from "./queue";
import { assertStaffOf, recordEvent, type RequestMeta } from "./commands";

/** At most one page of the queue, and then some: the form offers no more. */
export const MAX_BULK = 100;

export interface BulkItem {
  caseId: string;
  /** The case's version as the queue showed it. */
  version: number;
}

export interface BulkAssignResult {
  assigned: number;
  /** Each case not assigned, by reference (null for one the actor may not see), and why. */
  refused: { reference: string | null; reason: string }[];
}

export async function assignCases(db: Db, actor: Actor, organisationId: string, items: BulkItem[], assigneeUserId: string | null, now: Date, meta?: RequestMeta): Promise<BulkAssignResult> {
  requireActing(actor);
  assertQueueReader(actor, organisationId);
  if (items.length > MAX_BULK) throw new RuleError({ code: "too_many_cases", params: { max: MAX_BULK } });
  // Checked once for the whole batch; recordEvent checks each case again under its lock.
  if (assigneeUserId) await assertStaffOf(db, organisationId, assigneeUserId);
  const ids = [...new Set(items.map((i) => i.caseId))];
  const rows = ids.length
    ? await db
        .select({ id: cases.id, reference: cases.reference })
        .from(cases)
        .where(and(inArray(cases.id, ids), eq(cases.organisationId, organisationId), caseScope(actor)))
    : [];
  const referenceOf = new Map(rows.map((r) => [r.id, r.reference]));
  const result: BulkAssignResult = { assigned: 0, refused: [] };
  for (const item of items) {
    const reference = referenceOf.get(item.caseId) ?? null;
    if (!reference) {
      result.refused.push({ reference: null, reason: "not_found" });
      continue;
    }
    try {
      await recordEvent(db, actor, item.caseId, { type: "case.assigned", data: { assigneeUserId }, party: "organisation" }, { now, expectedVersion: item.version, meta });
      result.assigned++;
    } catch (error) {
      const reason =
        error instanceof ConflictError ? "changed"
        : error instanceof RuleError ? error.reason.code
        : error instanceof NotFoundError || error instanceof ForbiddenError ? "not_found"
        : null;
      if (!reason) throw error;
      result.refused.push({ reference, reason });
    }
  }
  return result;
}
