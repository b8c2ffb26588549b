/**
 * Everything that changes a case. Each command takes the acting user, asks the policy who
 * they are on the case, asks the ladder whether the step is allowed, and writes the event,
 * its projections and its mail in one transaction.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { attachments, caseEvents, cases, certifications, deadlines, memberships, messages, organisationLinks, organisations, users } from "@/db/schema";
import { smtpConfigured } from "@/lib/mail/deliver";
import type { Actor } from "@/lib/auth/actor";
import { partiesOnCase, requireActing, scopeToCase } from "@/lib/auth/policy";
import { ConflictError, ForbiddenError, NotFoundError, RuleError, ValidationError, ReusedKeyError } from "@/lib/errors";
import {
  ACTORS,
  REGION_COUNTRIES,
  FRAMEWORKS,
  DAY_MS,
  anchorRemedies,
  endOfDayIn,
  startOfLocalDay,
  zoneOf,
  decide,
  snapshot,
  clockIn,
  filingFramework,
  participation,
  type Certification,
  type EventPayloads,
  type EventType,
  type FrameworkId,
  type LadderEvent,
  type Party,
} from "@/lib/ladder";
import { enqueueMails, type OutgoingMail } from "@/lib/mail/outbox";
import { publicUrl } from "@/lib/config";
import type { CheckedAttachment } from "./attachments";
import { attachmentRows } from "./correspondence";
import { filingSchema, formalResponseBody, messageBody, type FilingInput } from "./filing-schema";
import { lastLink, type RequestMeta } from "./append";
import { sha256Of } from "./hash-chain";
import { loadCase, type CaseRow } from "./load";
import { recordEvents } from "./record-events";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { eventOfMessage, viaOf, type MessageVia } from "@/lib/webhooks/events";
import { JOBS } from "@/lib/worker/jobs";
import { wake } from "@/lib/worker/start";

export type { RequestMeta } from "./append";

/** A short reference that does not reveal how many cases exist. */
function newReference(now: Date): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(6);
  const code = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `RC-${now.getUTCFullYear()}-${code}`;
}

export interface FiledCase {
  caseId: string;
  reference: string;
  /** The complainant's account (made with the case if the address had none). */
  complainantUserId: string;
  /** False when the same form had already been submitted (the existing case is returned). */
  created: boolean;
  /** The first deadline: the organisation's reply (R2.1); null until it has received the complaint. */
  responseDueAt: Date | null;
  organisationName: string;
  /** The organisation's time zone, in which its days are counted and its dates read. */
  organisationZone: string;
}

/**
 * Checks a filing as it would be filed at `now`: the form's schema, the company in the
 * directory, and the ladder's rules for filing. Run when the form is sent (so the sender
 * hears at once what is wrong) and again when the filing is confirmed and written.
 */
export async function checkFiling(db: Db | Tx, raw: unknown, now: Date) {
  const parsed = filingSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  const input: FilingInput = parsed.data;
  // An earlier contact cannot lie ahead: not after today anywhere on Earth (UTC+14).
  if (input.priorContactDate && input.priorContactDate > new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10)) throw new ValidationError({ priorContactDate: ["date_in_future"] });
  const [organisation] = await db.select().from(organisations).where(eq(organisations.slug, input.organisationSlug));
  if (!organisation) throw new ValidationError({ organisationSlug: ["unknown_organisation"] });
  const certs = await db.select().from(certifications).where(eq(certifications.organisationId, organisation.id));
  const ladderCerts: Certification[] = certs.map((c) => ({
    framework: c.framework,
    status: c.status,
    retainsFrameworkData: c.retainsFrameworkData,
    irm: c.irmKind === "provider" && c.irmProviderId ? { kind: "provider", providerId: c.irmProviderId } : c.irmKind === "dpa" ? { kind: "dpa" } : null,
    coversHrData: c.coversHrData,
    alsoCovers: c.alsoCovers,
  }));
  // R1.1: filed against the certification the policy names, under the framework it runs under today.
  const filing = filingFramework(ladderCerts, input.country, now, input.framework);
  const framework = filing?.framework ?? input.framework ?? Object.values(FRAMEWORKS).find((f) => REGION_COUNTRIES[f.region].includes(input.country))!.id;
  const certification = ladderCerts.find((c) => c.framework === (filing?.certified ?? framework));
  // A participant whose frameworks do not cover where the complainant lives (R1.4).
  if (ladderCerts.some((c) => participation(c).participant) && !certification) throw new ValidationError({ country: ["country_not_covered_by_organisation"] });
  const facts = {
    subject: { framework, hrData: input.hrData, complainantCountry: input.country, workCountry: workCountryOf(input), dataSubject: input.dataSubject },
    certification,
    claimsParticipation: organisation.claimsParticipation,
    zones: { organisation: organisation.timeZone },
    events: [],
  };
  const staff = await db
    .select({ email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisation.id));
  const receipt = receiptAtFiling(input, staff.length > 0, organisation, now);
  const filed: LadderEvent = { type: "case.filed", at: now, by: "complainant", data: receipt };
  const decision = decide(snapshot(facts, now), filed);
  if (!decision.ok) throw new RuleError(decision.reason);
  return { input, organisation, certification, framework, facts, staff, filed };
}

/** A filing that passed the schema, the directory and the ladder, with what writing it needs. */
export type CheckedFiling = Awaited<ReturnType<typeof checkFiling>>;

/**
 * Files a complaint whose address is confirmed (see `./filings` for how a filing gets there,
 * or a signed-in complainant's own). The case belongs to the user with the given email,
 * created if new. A repeated idempotency key returns the case it already made.
 */
export async function fileCase(db: Db, raw: unknown, now: Date, meta: RequestMeta = {}, evidence: CheckedAttachment[] = [], checked?: CheckedFiling): Promise<FiledCase> {
  const filing = await db.transaction((tx) => fileCaseIn(tx, raw, now, meta, evidence, checked));
  if (filing.created) await wake(JOBS.mail);
  return filing;
}

/**
 * `fileCase` inside the caller's transaction (the caller wakes the mail worker after it
 * commits). `checked`: the caller's own `checkFiling` of `raw` at `now`, not run again.
 */
export async function fileCaseIn(tx: Tx, raw: unknown, now: Date, meta: RequestMeta = {}, evidence: CheckedAttachment[] = [], checked?: CheckedFiling): Promise<FiledCase> {
  const key = filingSchema.shape.idempotencyKey.safeParse((raw as { idempotencyKey?: unknown } | null)?.idempotencyKey);
  if (key.success) {
    const existing = await existingFiling(tx, key.data);
    if (existing) return existing;
  }
  const { input, organisation, certification, framework, facts, staff, filed } = checked ?? (await checkFiling(tx, raw, now));
  const email = input.email.toLowerCase();
  // One statement whether the person is new or known (the no-op update makes RETURNING answer).
  const [user] = await tx
    .insert(users)
    .values({ email, name: input.name, locale: input.preferredLanguage })
    .onConflictDoUpdate({ target: users.email, set: { email } })
    .returning({ id: users.id });
  const [row] = await tx
    .insert(cases)
    .values({
      reference: newReference(now),
      idempotencyKey: input.idempotencyKey,
      organisationId: organisation.id,
      framework,
      hrData: input.hrData,
      certificationSnapshot: certification!,
      complainantUserId: user!.id,
      complainantName: input.name,
      complainantEmail: email,
      complainantCountry: input.country,
      workCountry: workCountryOf(input),
      preferredLanguage: input.preferredLanguage,
      dataSubject: input.dataSubject,
      companyIdentifier: input.companyIdentifier || null,
      exporter: input.exporter || null,
      transferReason: input.transferReason || null,
      principles: input.principles,
      description: input.description,
      reliefSought: input.reliefSought,
      priorContact: input.priorContactDate || input.priorContactOutcome ? { date: input.priorContactDate ?? null, outcome: input.priorContactOutcome ?? null } : null,
      otherSteps: input.otherSteps || null,
      consentAt: now,
      version: 0,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: cases.idempotencyKey })
    .returning();
  if (!row) {
    // A concurrent submit of the same form won the race: return its case.
    return (await existingFiling(tx, input.idempotencyKey))!;
  }
  for (const file of evidence) {
    await tx.insert(attachments).values({ caseId: row.id, uploadedByUserId: user!.id, filename: file.filename, mimeType: file.mimeType, size: file.size, sha256: file.sha256, content: file.bytes, createdAt: now });
  }
  // The one write path: the filing, the projection, and the notices (the complainant's receipt, the company's new case).
  const {
    recorded: [entry],
  } = await recordEvents(tx, [{ row: { ...row, organisationName: organisation.name }, snap: snapshot(facts, now), last: null }], [{ caseId: row.id, event: filed, actorUserId: user!.id, meta }], now, { fresh: true });
  const due = clockIn(entry!.states.after, "organisation.response")?.dueAt ?? null;
  // R2.1: a company without an account gets the complaint at its published contact, with a link to answer.
  if (!staff.length && organisation.contactEmail) await enqueueMails(tx, await deliveryMail(tx, row, organisation as Required<typeof organisation> & { contactEmail: string }, certification!.framework, now));
  return { caseId: row.id, reference: row.reference, complainantUserId: user!.id, created: true, responseDueAt: due, organisationName: organisation.name, organisationZone: organisation.timeZone };
}

/** R1.3: the country of work, for HR data only, when it is not the country of residence. */
const workCountryOf = (input: FilingInput) => (input.hrData && input.workCountry && input.workCountry !== input.country ? input.workCountry : null);

/**
 * R2.1: when the organisation receives a complaint. An earlier direct contact the complainant
 * documents (a date and what happened) counts from that day; a company with staff on Recourse
 * receives it in its account at filing; otherwise it is delivered to its published contact —
 * by mail when SMTP is configured (received when sent), or, without SMTP (demo and tests), in
 * the mailbox at once.
 */
function receiptAtFiling(input: FilingInput, hasAccount: boolean, organisation: { timeZone: string; contactEmail: string | null }, now: Date): EventPayloads["case.filed"] {
  if (input.priorContactDate && input.priorContactOutcome?.trim()) {
    const day = endOfDayIn(new Date(`${input.priorContactDate}T12:00:00Z`), organisation.timeZone);
    const start = startOfLocalDay(day, organisation.timeZone);
    if (start.getTime() <= now.getTime()) return { via: "earlier_contact", receivedAt: start };
  }
  if (hasAccount) return { via: "account" };
  if (organisation.contactEmail && !smtpConfigured()) return { via: "published_contact" };
  return { awaitingDelivery: true };
}

/** Days an organisation's answering link stays valid: past its 45 days, so it can still answer late. */
export const ORGANISATION_LINK_DAYS = 60;

/**
 * The complaint, mailed to the organisation's published contact with a link to answer it (R2.1),
 * naming the framework it runs under and, when its policy names a predecessor (R1.1), that one.
 */
async function deliveryMail(tx: Tx, row: CaseRow, organisation: { name: string; contactEmail: string }, certified: FrameworkId, now: Date): Promise<OutgoingMail[]> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(organisationLinks).values({ caseId: row.id, tokenHash: sha256Of(token), sentTo: organisation.contactEmail, expiresAt: new Date(now.getTime() + ORGANISATION_LINK_DAYS * DAY_MS), createdAt: now });
  return [
    {
      dedupeKey: `case-delivery:${row.id}`,
      to: organisation.contactEmail,
      locale: "en",
      template: "case-delivery",
      params: {
        reference: row.reference,
        organisation: organisation.name,
        framework: row.framework,
        predecessor: certified === row.framework ? "no" : "yes",
        certified,
        description: row.description,
        days: String(ORGANISATION_LINK_DAYS),
        url: `${publicUrl()}/en/respond/${token}`,
      },
      caseId: row.id,
    },
  ];
}

export async function existingFiling(db: Db | Tx, idempotencyKey: string): Promise<FiledCase | null> {
  const [row] = await db
    .select({ id: cases.id, reference: cases.reference, complainantUserId: cases.complainantUserId, organisationName: organisations.name, organisationZone: organisations.timeZone, due: deadlines.dueAt })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(deadlines, and(eq(deadlines.caseId, cases.id), eq(deadlines.clockId, "organisation.response")))
    .where(eq(cases.idempotencyKey, idempotencyKey));
  return row ? { caseId: row.id, reference: row.reference, complainantUserId: row.complainantUserId, created: false, responseDueAt: row.due ?? null, organisationName: row.organisationName, organisationZone: row.organisationZone } : null;
}

export interface ProposedEvent<T extends EventType = EventType> {
  type: T;
  data: EventPayloads[T];
  /** The party to act as, where the actor holds several on the case. */
  party?: Party;
}

export interface RecordedStep {
  version: number;
  /** The event's place in the case's history. */
  seq: number;
  /** True when the idempotency key had already made this event: nothing was written. */
  replayed?: boolean;
}

/**
 * The event an idempotency key already made on a case the actor may see, with the case's
 * version now. A key names one step on one case: sent again, it answers with that step; sent
 * with another kind of step (`type`, where the caller knows it), it is refused.
 */
export async function stepByKey(db: Db | Tx, actor: Actor, caseId: string, key: string, type?: EventType): Promise<RecordedStep | null> {
  const [found] = await db
    .select({ seq: caseEvents.seq, version: cases.version, type: caseEvents.type })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(scopeToCase(actor, caseId), eq(caseEvents.caseId, caseId), eq(caseEvents.idempotencyKey, key)));
  if (!found) return null;
  // The key made another kind of step: this is a different request, not a retry.
  if (type && found.type !== type) throw new ReusedKeyError();
  return { version: found.version, seq: found.seq, replayed: true };
}

/**
 * Records one step on a case. The case is locked for the transaction; a stale
 * `expectedVersion` is a conflict, not an overwrite; an idempotency key seen before on the
 * case answers with the event it made.
 */
export async function recordEvent(
  db: Db,
  actor: Actor,
  caseId: string,
  proposal: ProposedEvent,
  options: StepOptions,
): Promise<RecordedStep> {
  requireActing(actor);
  const recorded = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(scopeToCase(actor, caseId)).for("update");
    if (!row) throw new NotFoundError();
    // Under the row lock: a second send of the same key waits here for the first, then finds its event.
    const prior = options.idempotencyKey ? await stepByKey(tx, actor, caseId, options.idempotencyKey, proposal.type) : null;
    if (prior) return prior;
    const loaded = await loadCase(tx, row);
    const parties = partiesOnCase(actor, { complainantUserId: row.complainantUserId, organisationId: row.organisationId, providerIds: loaded.bodies.map((b) => b.providerId) });
    const party = proposal.party ?? parties.find((p) => ACTORS[proposal.type].includes(p));
    if (!party || !parties.includes(party)) throw new ForbiddenError();
    const assignee = proposal.type === "case.assigned" ? (proposal.data as EventPayloads["case.assigned"]).assigneeUserId : null;
    if (assignee) await assertStaffOf(tx, row.organisationId, assignee);
    return writeStep(tx, row, loaded, { party, userId: actor.kind === "user" ? actor.userId : null, via: viaOf(actor) }, proposal, options);
  });
  if (!recorded.replayed) await wake(JOBS.mail);
  return recorded;
}

/** A case is assigned only to someone on its organisation's team. */
export async function assertStaffOf(tx: Db | Tx, organisationId: string, userId: string) {
  const [member] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!member) throw new RuleError({ code: "assignee_not_staff" });
}

export interface StepOptions {
  now: Date;
  expectedVersion?: number;
  meta?: RequestMeta;
  /** The message that explains the step, with the documents it carries (checked before). */
  message?: { body: string; visibility: "complainant" | "internal"; documents?: CheckedAttachment[] };
  /** A client's key for this step (the API's Idempotency-Key header). */
  idempotencyKey?: string;
}

/**
 * A step taken without a signed-in user: by the organisation through the link it was mailed
 * (R2.1; the caller has checked the link), or by Recourse itself (`system`). Same write path.
 */
export async function recordWithoutUser(db: Db, caseId: string, party: "organisation" | "system", proposal: ProposedEvent, options: StepOptions, within?: (tx: Tx) => Promise<void>): Promise<RecordedStep> {
  const recorded = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
    if (!row) throw new NotFoundError();
    const loaded = await loadCase(tx, row);
    const written = await writeStep(tx, row, loaded, { party, userId: null, via: viaOf(null) }, proposal, options);
    await within?.(tx);
    return written;
  });
  await wake(JOBS.mail);
  return recorded;
}

/** A step: its message checked, then the one write path (record-events.ts) with the message beside the event. */
async function writeStep(
  tx: Tx,
  row: CaseRow,
  loaded: Awaited<ReturnType<typeof loadCase>>,
  by: { party: Party; userId: string | null; via: MessageVia },
  proposal: ProposedEvent,
  options: StepOptions,
): Promise<RecordedStep> {
  const { party } = by;
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) throw new ConflictError(row.version);
  const event = { type: proposal.type, at: options.now, by: party, data: anchorRemedies(proposal.data, zoneOf(loaded.facts, "organisation")) } as LadderEvent;
  // The message is checked before anything is written.
  const body = options.message ? (proposal.type === "organisation.responded" ? formalResponseBody : messageBody).safeParse(options.message.body) : null;
  if (body && !body.success) throw new ValidationError({ body: body.error.issues.map((i) => i.message) });
  const message = options.message && body?.success ? { visibility: options.message.visibility, body: body.data, documents: options.message.documents } : null;

  const { recorded, versions } = await recordEvents(
    tx,
    [{ row: { ...row, irmName: loaded.irmName }, snap: snapshot(loaded.facts, options.now), last: lastLink(loaded.events) }],
    [{ caseId: row.id, event, actorUserId: by.userId, meta: options.meta, idempotencyKey: options.idempotencyKey }],
    options.now,
    {
      // A step and the message that explains it are one write.
      afterAppend: async ([step]) => {
        if (!message) return;
        const [m] = await tx
          .insert(messages)
          .values({ caseId: row.id, authorUserId: by.userId, authorParty: party, visibility: message.visibility, body: message.body, stepSeq: step!.seq, createdAt: options.now })
          .returning({ id: messages.id, authorParty: messages.authorParty, visibility: messages.visibility, createdAt: messages.createdAt });
        if (message.documents?.length) await tx.insert(attachments).values(attachmentRows(row.id, by.userId, message.documents, options.now, m!.id));
        await enqueueWebhooks(tx, [eventOfMessage(row, { ...m!, body: message.body, via: by.via })]);
      },
    },
  );
  return { version: versions.get(row.id)!, seq: recorded[0]!.seq };
}

export function fieldErrorsOf(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
