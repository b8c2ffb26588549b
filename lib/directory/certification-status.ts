/**
 * R1.2: each certification's status as the administrators record it — lapsed, withdrawn,
 * removed, or active again — with the date it took effect and where they learned it. The
 * directory and filing follow the status through the ladder's `participation()`; cases
 * already filed keep the certification they were filed under (their snapshot).
 */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, certifications, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canRecordCertificationStatus } from "@/lib/auth/policy";
import type { RequestMeta } from "@/lib/cases/commands";
import { plain } from "@/lib/cases/filing-schema";
import { NotFoundError, ValidationError, type FieldErrors } from "@/lib/errors";
import { CERTIFICATION_STATUSES, participation, type CertificationStatus, type FrameworkId } from "@/lib/ladder";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
/** The latest calendar date anywhere on earth at `now` (UTC+14), so "today" is never refused for a time zone. */
export const latestStatusDate = (now: Date) => new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** The form as the administrator sends it: strings, as a form posts them. */
export function certificationStatusSchema(now: Date) {
  return z.object({
    certificationId: z.string().uuid({ message: "not_found" }),
    status: z.enum(CERTIFICATION_STATUSES, { message: "required" }),
    /** For a lapsed or withdrawn certification: does it still hold data received under the framework? */
    retainsFrameworkData: z.enum(["yes", "no", ""]).optional(),
    since: z
      .string({ message: "required" })
      .trim()
      .min(1, { message: "required" })
      .pipe(z.string().refine(isCalendarDate, { message: "invalid_date", abort: true }).refine((v) => v <= latestStatusDate(now), { message: "date_in_future" })),
    source: plain(300).pipe(z.string().min(1, { message: "required" })),
    /** The administrator's confirmation that new complaints will be turned away (see `endsParticipation`). */
    confirm: z.enum(["yes", ""]).optional(),
  });
}

/** Whether a certification in this state turns new complaints away to the DPA (R1.2: the framework and IRM play no part). */
export function endsParticipation(status: CertificationStatus, retainsFrameworkData: boolean): boolean {
  return !participation({ framework: "eu-us-dpf", status, retainsFrameworkData, irm: null, coversHrData: null }).participant;
}

/**
 * Every message key per field, not only the first, with the rules between fields checked
 * even when another field fails: a lapsed or withdrawn certification needs the data
 * question answered, and a status that ends participation needs the confirmation.
 */
function fieldErrorsOf(input: unknown, result: ReturnType<ReturnType<typeof certificationStatusSchema>["safeParse"]>): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, key: string) => ((out[field] ??= []).includes(key) ? undefined : out[field].push(key));
  for (const issue of result.error?.issues ?? []) add(String(issue.path[0] ?? "form"), issue.message);
  const raw = (input ?? {}) as Record<string, unknown>;
  const status = z.enum(CERTIFICATION_STATUSES).safeParse(raw.status);
  if (!status.success) return out;
  const asks = status.data === "inactive" || status.data === "withdrawn";
  const answered = raw.retainsFrameworkData === "yes" || raw.retainsFrameworkData === "no";
  if (asks && !answered) add("retainsFrameworkData", "required");
  if ((answered || !asks) && endsParticipation(status.data, raw.retainsFrameworkData === "yes") && raw.confirm !== "yes") add("confirm", "confirm_consequence");
  return out;
}

export interface CertificationStatusRow {
  id: string;
  organisationName: string;
  organisationSlug: string;
  framework: FrameworkId;
  status: CertificationStatus;
  retainsFrameworkData: boolean;
  statusSince: Date;
  statusSource: string;
  /** From the official participant list, as last imported (YYYY-MM-DD); null when never imported. */
  certifiedOn: string | null;
  recertificationDue: string | null;
  participant: boolean;
}

/** Every organisation's certifications, for the administrators' status page. */
export async function listCertificationStatuses(db: Db, actor: Actor): Promise<CertificationStatusRow[]> {
  if (!canRecordCertificationStatus(actor)) throw new NotFoundError();
  const rows = await db
    .select({ cert: certifications, organisationName: organisations.name, organisationSlug: organisations.slug })
    .from(certifications)
    .innerJoin(organisations, eq(organisations.id, certifications.organisationId))
    .orderBy(sql`lower(${organisations.name})`, asc(certifications.framework));
  return rows.map(({ cert, organisationName, organisationSlug }) => ({
    id: cert.id,
    organisationName,
    organisationSlug,
    framework: cert.framework,
    status: cert.status,
    retainsFrameworkData: cert.retainsFrameworkData,
    statusSince: cert.statusSince,
    statusSource: cert.statusSource,
    certifiedOn: cert.certifiedOn,
    recertificationDue: cert.recertificationDue,
    participant: !endsParticipation(cert.status, cert.retainsFrameworkData),
  }));
}

/**
 * Records a certification's status with its date and source, audited with what it replaced,
 * in one transaction. Active certifications hold their data; removed ones must return or
 * delete it (R4.2), so the question is asked only for lapsed and withdrawn ones.
 */
export async function setCertificationStatus(db: Db, actor: Actor, input: unknown, now: Date, meta: RequestMeta = {}): Promise<CertificationStatusRow> {
  if (!canRecordCertificationStatus(actor)) throw new NotFoundError();
  const parsed = certificationStatusSchema(now).safeParse(input);
  const errors = fieldErrorsOf(input, parsed);
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const { certificationId, status, since, source } = parsed.data;
  const retainsFrameworkData = status === "active" ? true : status === "removed" ? false : parsed.data.retainsFrameworkData === "yes";
  const statusSince = new Date(`${since}T00:00:00Z`);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ cert: certifications, organisationName: organisations.name, organisationSlug: organisations.slug })
      .from(certifications)
      .innerJoin(organisations, eq(organisations.id, certifications.organisationId))
      .where(eq(certifications.id, certificationId))
      .for("update");
    if (!before) throw new NotFoundError();
    const next = { status, retainsFrameworkData, statusSince, statusSource: source };
    await writeCertificationStatus(tx, actor, before.cert, next, now, meta);
    return {
      id: certificationId,
      organisationName: before.organisationName,
      organisationSlug: before.organisationSlug,
      framework: before.cert.framework,
      ...next,
      certifiedOn: before.cert.certifiedOn,
      recertificationDue: before.cert.recertificationDue,
      participant: !endsParticipation(status, retainsFrameworkData),
    };
  });
}

type CertificationRecord = typeof certifications.$inferSelect;
/** What a change may set: the status with its date and source, and the official list's dates. */
export type CertificationChange = Pick<CertificationRecord, "status" | "retainsFrameworkData" | "statusSince" | "statusSource"> & Partial<Pick<CertificationRecord, "certifiedOn" | "recertificationDue">>;

/**
 * The one write of a certification's status, by hand or from the participant list: the row
 * and its audit entry (what it replaced, what it became), in the caller's transaction, which
 * has already checked the actor and locked the row.
 */
export async function writeCertificationStatus(tx: Tx, actor: Actor, before: CertificationRecord, next: CertificationChange, now: Date, meta: RequestMeta = {}): Promise<void> {
  await tx.update(certifications).set({ ...next, updatedAt: now }).where(eq(certifications.id, before.id));
  // A change by hand leaves the list's dates alone, so its entry does not mention them.
  const withDates = next.certifiedOn !== undefined;
  const recorded = (c: CertificationChange) => ({
    status: c.status,
    retainsFrameworkData: c.retainsFrameworkData,
    statusSince: c.statusSince.toISOString(),
    statusSource: c.statusSource,
    ...(withDates ? { certifiedOn: c.certifiedOn ?? null, recertificationDue: c.recertificationDue ?? null } : {}),
  });
  await tx.insert(auditLog).values({
    entity: "certification",
    entityId: before.id,
    action: next.status === before.status && withDates ? "list_dates_changed" : "status_changed",
    data: {
      rule: "R1.2",
      organisationId: before.organisationId,
      framework: before.framework,
      before: recorded(before),
      after: recorded(next),
    },
    ...auditedBy(actor, now, meta),
  });
}

/** A certification new to the directory (from the participant list), audited like a change: in the caller's transaction. */
export async function addCertification(tx: Tx, actor: Actor, values: CertificationChange & Pick<CertificationRecord, "organisationId" | "framework">, now: Date, meta: RequestMeta = {}): Promise<void> {
  const [row] = await tx.insert(certifications).values({ ...values, updatedAt: now }).returning({ id: certifications.id });
  await tx.insert(auditLog).values({
    entity: "certification",
    entityId: row!.id,
    action: "added",
    data: { rule: "R1.2", organisationId: values.organisationId, framework: values.framework, after: { ...values, statusSince: values.statusSince.toISOString() } },
    ...auditedBy(actor, now, meta),
  });
}

/** Who, when and from where, for an administrator's entry in the audit log. */
export const auditedBy = (actor: Actor, now: Date, meta: RequestMeta) => ({
  actorUserId: actor.kind === "user" ? actor.userId : null,
  ip: meta.ip ?? null,
  userAgent: meta.userAgent?.slice(0, 500) ?? null,
  at: now,
});
