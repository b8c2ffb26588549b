/**
 * What a user may read about cases. Every function takes the actor and filters through the
 * policy's scope, so a case outside it simply does not exist for them.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { caseBodies, cases, messages, organisations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { caseScope, messagesVisibleTo, partiesOnCase, scopeToCase } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { calendarDay, caseView, verdictOf, zoneOf, type CaseView, type Party, type Verdict } from "@/lib/ladder";
import { loadCase } from "./load";
import { isUuid } from "@/lib/ids";

/** What every list of cases shows of each (CASE_LIST_COLUMNS). */
export interface CaseListBase {
  id: string;
  reference: string;
  organisationName: string;
  /** The organisation's time zone: the days of its deadlines are counted there. */
  organisationZone: string;
  rung: string;
  status: string;
  hrData: boolean;
}

export interface CaseListItem extends CaseListBase {
  framework: string;
  nextDueAt: Date | null;
  createdAt: Date;
}

/** What every list of cases shows of each (joined to its organisation). */
export const CASE_LIST_COLUMNS = {
  id: cases.id,
  reference: cases.reference,
  organisationName: organisations.name,
  organisationZone: organisations.timeZone,
  rung: cases.rung,
  status: cases.status,
  hrData: cases.hrData,
};

/** The cases the actor may read; a body's own clocks are its workspace's (lib/cases/body-inbox.ts). */
export async function listCases(db: Db, actor: Actor, options: { organisationId?: string; limit?: number; offset?: number } = {}): Promise<CaseListItem[]> {
  const conditions = [caseScope(actor)];
  if (options.organisationId) conditions.push(eq(cases.organisationId, options.organisationId));
  return db
    .select({ ...CASE_LIST_COLUMNS, framework: cases.framework, nextDueAt: cases.nextDueAt, createdAt: cases.createdAt })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(and(...conditions))
    .orderBy(sql`${cases.status} = 'closed'`, asc(cases.nextDueAt), desc(cases.createdAt), asc(cases.id))
    .limit(Math.min(options.limit ?? 50, 200))
    .offset(options.offset ?? 0);
}

export interface TimelineEntry {
  seq: number;
  type: string;
  at: Date;
  party: string;
  /** What every party may read of the event's substance (never internal assignments). */
  detail: TimelineDetail | null;
}

export type TimelineDetail =
  | { kind: "eligibility"; decision: string; reason: string | null }
  /** Each remedy's due day (noon UTC of the organisation's calendar day, as `calendarDay` gives it). */
  /** `verdict`: whether a determination, an advice or an award upheld the complaint (null for a settlement). */
  | { kind: "remedies"; remedies: { kind: string; dueAt: Date }[]; findings: string | null; verdict: Verdict | null }
  | { kind: "outcome"; outcome: string; findings: string | null }
  | { kind: "referral"; status: string }
  | { kind: "clock"; clock: string };

/** What any party may read of an event's substance: never internal data such as who was assigned. */
export function timelineDetail(type: string, data: unknown, organisationZone: string): TimelineDetail | null {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (type) {
    case "irm.eligibility_decided":
      return { kind: "eligibility", decision: String(d.decision), reason: typeof d.reason === "string" ? d.reason : null };
    case "irm.determined":
    case "panel.advised":
    case "arbitration.awarded":
    case "complainant.settled": {
      const remedies = (d.remedies as { kind: string; dueAt: string }[]) ?? [];
      return {
        kind: "remedies",
        remedies: remedies.map((r) => ({ kind: r.kind, dueAt: calendarDay(new Date(r.dueAt), organisationZone) })),
        findings: typeof d.findings === "string" ? d.findings : null,
        verdict: type === "complainant.settled" ? null : verdictOf({ remedies, verdict: d.verdict as Verdict | undefined }),
      };
    }
    case "commerce.concluded":
    case "case.closed":
      return { kind: "outcome", outcome: String(d.outcome), findings: typeof d.findings === "string" ? d.findings : null };
    case "referral.status_changed":
      return { kind: "referral", status: String(d.status) };
    case "clock.breached":
      // A clock id: the kind, or remedy:<id> for a remedy's own clock.
      return { kind: "clock", clock: String(d.clock).startsWith("remedy:") ? "remedy" : String(d.clock) };
    default:
      return null;
  }
}

export interface MessageEntry {
  id: string;
  authorParty: string;
  /** The person who wrote it, where a signed-in person did (not the company's mailed link, an API token or Recourse). */
  authorName: string | null;
  visibility: string;
  body: string;
  /** The step it was written with (the company's formal response, a request…), or null for a message alone. */
  step: string | null;
  createdAt: Date;
}

/** What one actor sees of one case: a DTO, never the raw row. */
export interface CaseDetail {
  id: string;
  reference: string;
  version: number;
  organisation: { id: string; slug: string; name: string; timeZone: string };
  framework: string;
  /** R1.1: the framework the company's certification names, where the case runs under its DPF successor. */
  certifiedUnder: string | null;
  hrData: boolean;
  complainant: { name: string; country: string; preferredLanguage: string } | null;
  /** R1.3: for HR data, the country of work when it is not the country of residence. */
  workCountry: string | null;
  description: string;
  principles: string[];
  reliefSought: string[];
  particulars: { companyIdentifier: string | null; exporter: string | null; transferReason: string | null; priorContact: { date: string | null; outcome: string | null } | null; otherSteps: string | null; dataSubject: string };
  createdAt: Date;
  parties: Party[];
  party: Party;
  bodies: { providerId: string; name: string; kind: string; rung: string; since: Date; handoverSha256: string | null }[];
  timeline: TimelineEntry[];
  messages: MessageEntry[];
  view: CaseView;
  /** The name of the case's ADR provider, if its IRM is one. */
  irmName: string | null;
}

export async function getCaseDetail(db: Db, actor: Actor, caseId: string, now: Date, asParty?: Party): Promise<CaseDetail> {
  if (!isUuid(caseId)) throw new NotFoundError();
  const [row] = await db.select().from(cases).where(scopeToCase(actor, caseId));
  if (!row) throw new NotFoundError();
  const loaded = await loadCase(db, row);
  const parties = partiesOnCase(actor, { complainantUserId: row.complainantUserId, organisationId: row.organisationId, providerIds: loaded.bodies.map((b) => b.providerId) });
  if (!parties.length) throw new NotFoundError();
  const party = asParty && parties.includes(asParty) ? asParty : parties[0]!;
  const visible = await db
    .select({ id: messages.id, authorParty: messages.authorParty, authorName: users.name, visibility: messages.visibility, body: messages.body, stepSeq: messages.stepSeq, createdAt: messages.createdAt })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorUserId))
    .where(and(eq(messages.caseId, row.id), messagesVisibleTo(party)))
    .orderBy(asc(messages.createdAt));
  const view = caseView(loaded.facts, party, now);
  // The independent recourse mechanism by name, for the steps and sentences that name it.
  const irmName = view.route.applies && view.route.irm?.kind === "adr" ? loaded.irmName : null;
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    organisation: { id: loaded.organisation.id, slug: loaded.organisation.slug, name: loaded.organisation.name, timeZone: loaded.organisation.timeZone },
    framework: row.framework,
    certifiedUnder: loaded.facts.certification && loaded.facts.certification.framework !== row.framework ? loaded.facts.certification.framework : null,
    hrData: row.hrData,
    complainant: { name: row.complainantName, country: row.complainantCountry, preferredLanguage: row.preferredLanguage },
    workCountry: row.workCountry,
    description: row.description,
    principles: row.principles,
    reliefSought: row.reliefSought,
    particulars: { companyIdentifier: row.companyIdentifier, exporter: row.exporter, transferReason: row.transferReason, priorContact: row.priorContact ?? null, otherSteps: row.otherSteps, dataSubject: row.dataSubject },
    createdAt: row.createdAt,
    parties,
    party,
    bodies: loaded.bodies.map(({ providerId, name, kind, rung, since, handoverSha256 }) => ({ providerId, name, kind, rung, since, handoverSha256 })),
    timeline: loaded.events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, party: e.party, detail: timelineDetail(e.type, e.data, zoneOf(loaded.facts, "organisation")) })),
    // Internal notes stay with the side that wrote them.
    messages: visible
      .filter((m) => m.visibility !== "internal" || m.authorParty === party)
      .map(({ stepSeq, ...m }) => ({ ...m, step: loaded.events.find((e) => e.seq === stepSeq)?.type ?? null })),
    view,
    irmName: irmName ?? null,
  };
}

/** The case file as it was handed to one body, for anyone who may see the case. */
export async function getHandover(db: Db, actor: Actor, caseId: string, providerId: string) {
  if (!isUuid(caseId) || !isUuid(providerId)) throw new NotFoundError();
  const [row] = await db.select({ id: cases.id }).from(cases).where(scopeToCase(actor, caseId));
  if (!row) throw new NotFoundError();
  const [body] = await db
    .select({ handover: caseBodies.handover, sha256: caseBodies.handoverSha256 })
    .from(caseBodies)
    .where(and(eq(caseBodies.caseId, row.id), eq(caseBodies.providerId, providerId)));
  if (!body?.handover) throw new NotFoundError();
  return body;
}
