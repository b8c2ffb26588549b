/**
 * What the REST API reads and does, in the contract's shapes: each function is one call to
 * the data layer the pages use (the same scope, the same `decide`, the same write path).
 */
import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { checkAttachment, type AttachmentMime } from "@/lib/cases/attachments";
import { addEvidence, getEvidence, listEvidence, postMessage } from "@/lib/cases/correspondence";
import type { RequestMeta } from "@/lib/cases/commands";
import { getCaseDetail, listCases, type TimelineDetail } from "@/lib/cases/queries";
import { isDetailedAction } from "@/lib/cases/detailed-steps";
import { ONE_CLICK_STEPS } from "@/lib/cases/step-registry";
import { takeDetailedStep, takeStep } from "@/lib/cases/steps";
import { listReferrals } from "@/lib/enforcement/register";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { calendarDay, type ActionId } from "@/lib/ladder";
import { documentResponse } from "./document-response";
import type { Upload } from "./http";
import type { timelineDetailSchema, documentListSchema, documentResultSchema, caseListSchema, caseSchema, listQuerySchema, messageRequestSchema, messageResultSchema, registerSchema, stepRequestSchema, stepResultSchema } from "./contract";

const iso = (d: Date) => d.toISOString();
/** A day as `calendarDay` gives it (noon UTC of that day), as YYYY-MM-DD. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

function eventDetail(detail: TimelineDetail | null): z.input<typeof timelineDetailSchema> | null {
  if (detail?.kind !== "remedies") return detail;
  return { ...detail, remedies: detail.remedies.map((r) => ({ kind: r.kind, dueDay: dayOf(r.dueAt) })) };
}
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function apiListCases(db: Db, actor: Actor, query: z.output<typeof listQuerySchema>, path: string): Promise<z.input<typeof caseListSchema>> {
  // One more than a page says whether there is a next one.
  const rows = await listCases(db, actor, { limit: query.limit + 1, offset: query.offset });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((c) => ({ id: c.id, reference: c.reference, organisation: c.organisationName, rung: c.rung, status: c.status as "open" | "closed", framework: c.framework, hrData: c.hrData, nextDueAt: isoOrNull(c.nextDueAt), createdAt: iso(c.createdAt) })),
    next: rows.length > query.limit ? `${path}?limit=${query.limit}&offset=${query.offset + query.limit}` : null,
  };
}

export async function apiGetCase(db: Db, actor: Actor, caseId: string, now: Date): Promise<z.input<typeof caseSchema>> {
  const d = await getCaseDetail(db, actor, caseId, now);
  return {
    id: d.id,
    reference: d.reference,
    version: d.version,
    organisation: { slug: d.organisation.slug, name: d.organisation.name, timeZone: d.organisation.timeZone },
    framework: d.framework,
    hrData: d.hrData,
    rung: d.view.state.rung,
    closed: !!d.view.state.closed,
    party: d.party,
    createdAt: iso(d.createdAt),
    description: d.description,
    clocks: d.view.clocks.map((c) => ({ id: c.id, kind: c.kind, rule: c.rule, party: c.party, state: c.state, startedAt: iso(c.startedAt), dueAt: iso(c.dueAt), daysLeft: c.daysLeft, aim: c.aim, completedAt: isoOrNull(c.completedAt) })),
    // The steps the ladder allows now that this API can take, with or without details.
    steps: d.view.actions
      .filter((a) => a.allowed && (ONE_CLICK_STEPS.includes(a.action) || isDetailedAction(a.action)))
      .map((a) => ({ action: a.action, event: a.event, target: a.target ?? null, details: isDetailedAction(a.action) })),
    remedies: d.view.state.remedies.map((r) => ({
      id: r.id,
      kind: r.kind,
      description: r.description ?? null,
      source: r.source,
      orderedAt: iso(r.orderedAt),
      dueDay: dayOf(calendarDay(r.dueAt, d.organisation.timeZone)),
      dueAt: iso(r.dueAt),
      compliedAt: isoOrNull(r.compliedAt),
      evidence: r.evidence,
    })),
    timeline: d.timeline.map((e) => ({ seq: e.seq, type: e.type, at: iso(e.at), party: e.party, detail: eventDetail(e.detail) })),
    messages: d.messages.map((m) => ({ id: m.id, authorParty: m.authorParty, visibility: m.visibility, body: m.body, createdAt: iso(m.createdAt) })),
  };
}

export async function apiTakeStep(db: Db, actor: Actor, caseId: string, input: z.output<typeof stepRequestSchema>, idempotencyKey: string | null, now: Date, meta: RequestMeta): Promise<z.input<typeof stepResultSchema>> {
  const common = { caseId, target: input.target, expectedVersion: input.version, idempotencyKey: idempotencyKey ?? undefined };
  const done =
    "details" in input
      ? await takeDetailedStep(db, actor, { ...common, action: input.action, details: input.details }, now, meta)
      : await takeStep(db, actor, { ...common, action: input.action as ActionId, message: input.message ? { body: input.message } : undefined }, now, meta);
  return { caseId, seq: done.seq, version: done.version, replayed: !!done.replayed };
}

export async function apiPostMessage(db: Db, actor: Actor, caseId: string, input: z.output<typeof messageRequestSchema>, idempotencyKey: string | null, now: Date): Promise<z.input<typeof messageResultSchema>> {
  const m = await postMessage(db, actor, caseId, { body: input.body, visibility: input.visibility, idempotencyKey: idempotencyKey ?? undefined }, now);
  return { id: m.id, authorParty: m.authorParty, visibility: m.visibility, createdAt: iso(m.createdAt), replayed: m.replayed };
}

export async function apiListDocuments(db: Db, actor: Actor, caseId: string): Promise<z.input<typeof documentListSchema>> {
  const rows = await listEvidence(db, actor, caseId);
  return { data: rows.map((d) => ({ ...d, mimeType: d.mimeType as AttachmentMime, createdAt: iso(d.createdAt) })) };
}

export async function apiGetDocument(db: Db, actor: Actor, caseId: string, documentId: string): Promise<Response> {
  return documentResponse(await getEvidence(db, actor, caseId, documentId));
}

/** The upload is checked like the pages' (content, not name; no active PDF) before anything is stored. */
export async function apiAddDocument(db: Db, actor: Actor, caseId: string, upload: Upload, idempotencyKey: string | null, now: Date): Promise<z.input<typeof documentResultSchema>> {
  const checked = await checkAttachment(upload.name, upload.bytes);
  if (typeof checked === "string") throw new ValidationError({ file: [checked] });
  const [stored] = await addEvidence(db, actor, caseId, [checked], now, { idempotencyKey: idempotencyKey ?? undefined });
  return { ...stored!, mimeType: stored!.mimeType as AttachmentMime, createdAt: iso(stored!.createdAt) };
}

export async function apiRegister(db: Db, actor: Actor): Promise<z.input<typeof registerSchema>> {
  if (actor.kind === "anonymous") throw new NotFoundError();
  const rows = await listReferrals(db, actor);
  return { data: rows.map((r) => ({ id: r.id, status: r.status, referrer: r.referrer, caseId: r.caseId, reference: r.reference, organisation: r.organisation, organisationSlug: r.organisationSlug, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) })) };
}
