/**
 * The REST API's one source of truth: the zod schemas the handlers parse requests with and
 * shape answers by, and the operations the OpenAPI document is generated from.
 */
import { z } from "zod";
import { PARTIES, REMEDY_KINDS, VERDICTS } from "@/lib/ladder";
import { DETAILED_STEPS, type DetailedAction } from "@/lib/cases/detailed-steps";
import { ONE_CLICK_STEPS } from "@/lib/cases/step-registry";
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES } from "@/lib/cases/attachments";

const instant = z.iso.datetime({ offset: true }).meta({ description: "An instant, ISO 8601 with offset (UTC)." });
const uuid = z.uuid();

export const problemSchema = z
  .object({
    type: z.string().meta({ description: "A URI naming the kind of problem." }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().meta({ description: "The problem's short code, stable across versions." }),
    reason: z.string().optional().meta({ description: "For a ladder refusal: the ladder's reason code." }),
    rule: z.string().optional().meta({ description: "For a ladder refusal: the rule of the framework that refuses it." }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "For invalid input: error codes by field." }),
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: "Cases per page (1–100)." }),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).meta({ description: "Cases to skip." }),
});

export const caseIdParams = z.object({ id: uuid.meta({ description: "The case's id." }) });

export const caseSummarySchema = z
  .object({
    id: uuid,
    reference: z.string(),
    organisation: z.string().meta({ description: "The organisation's name." }),
    rung: z.string(),
    status: z.enum(["open", "closed"]),
    framework: z.string(),
    hrData: z.boolean(),
    nextDueAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: "CaseSummary" });

export const caseListSchema = z
  .object({
    data: z.array(caseSummarySchema),
    next: z.string().nullable().meta({ description: "The next page's path, or null on the last page." }),
  })
  .meta({ id: "CaseList" });

export const clockSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    rule: z.string(),
    party: z.enum(PARTIES).meta({ description: "Who must act before it runs out." }),
    state: z.enum(["running", "paused", "met", "missed", "stopped"]),
    startedAt: instant,
    dueAt: instant,
    daysLeft: z.number().int(),
    aim: z.boolean().meta({ description: "A target, not a deadline: never recorded as missed." }),
    completedAt: instant.nullable(),
  })
  .meta({ id: "Clock" });

const DETAILED_ACTIONS = Object.keys(DETAILED_STEPS) as DetailedAction[];

export const stepActionSchema = z.enum([...ONE_CLICK_STEPS, ...DETAILED_ACTIONS] as [string, ...string[]]).meta({ id: "StepAction" });

export const allowedStepSchema = z
  .object({
    action: stepActionSchema,
    event: z.string(),
    target: z.string().nullable(),
    details: z.boolean().meta({ description: "True when the step needs `details` (findings, remedies, a reason…): see StepRequest." }),
  })
  .meta({ id: "AllowedStep", description: "A step the ladder allows this party now." });

const day = z.iso.date().meta({ description: "A calendar day (YYYY-MM-DD) in the organisation's time zone." });

export const remedySchema = z
  .object({
    id: z.string().meta({ description: "The remedy's id: the target of record_compliance." }),
    kind: z.enum(REMEDY_KINDS),
    description: z.string().nullable(),
    source: z.enum(["irm", "dpa_panel", "arbitration", "settlement"]).meta({ description: "Who ordered it: the recourse mechanism, the DPA panel, the arbitration panel, or a settlement." }),
    orderedAt: instant,
    dueDay: day,
    dueAt: instant.meta({ description: "The end of the due day in the organisation's time zone." }),
    compliedAt: instant.nullable(),
    evidence: z.string().nullable().meta({ description: "What the organisation recorded as done." }),
  })
  .meta({ id: "Remedy", description: "A remedy ordered on the case (R4.3), with its due day and whether it was carried out." });

export const timelineDetailSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("eligibility"), decision: z.string(), reason: z.string().nullable() }),
    z.object({
      kind: z.literal("remedies"),
      remedies: z.array(z.object({ kind: z.string(), dueDay: day })),
      findings: z.string().nullable(),
      verdict: z.enum(VERDICTS).nullable().meta({ description: "Whether a determination, an advice or an award upheld the complaint (R2.4); null for a settlement." }),
    }),
    z.object({ kind: z.literal("outcome"), outcome: z.string(), findings: z.string().nullable() }),
    z.object({ kind: z.literal("referral"), status: z.string() }),
    z.object({ kind: z.literal("clock"), clock: z.string() }),
  ])
  .meta({ id: "EventDetail", description: "What every party may read of an event's substance: a decision with its reason or findings, the remedies ordered, an outcome, a referral's status, the clock that ran out." });

export const caseSchema = z
  .object({
    id: uuid,
    reference: z.string(),
    version: z.number().int().meta({ description: "Send it back with a step to refuse the step if the case changed meanwhile." }),
    organisation: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
    framework: z.string(),
    hrData: z.boolean(),
    rung: z.string(),
    closed: z.boolean(),
    party: z.enum(PARTIES).meta({ description: "The party the token acts as on this case." }),
    createdAt: instant,
    description: z.string(),
    clocks: z.array(clockSchema),
    steps: z.array(allowedStepSchema),
    remedies: z.array(remedySchema),
    timeline: z.array(z.object({ seq: z.number().int(), type: z.string(), at: instant, party: z.string(), detail: timelineDetailSchema.nullable() })),
    messages: z.array(z.object({ id: uuid, authorParty: z.string(), visibility: z.string(), body: z.string(), createdAt: instant })),
  })
  .meta({ id: "Case" });

const stepTarget = z.string().max(120).optional().meta({ description: "The object acted on, where the allowed step names one (a remedy's id for record_compliance)." });
const stepVersion = z.number().int().min(0).optional().meta({ description: "The case's version the step was decided on; a different one is a conflict." });

const simpleStepRequest = z
  .strictObject({
    action: z.enum(ONE_CLICK_STEPS as [string, ...string[]]),
    target: stepTarget,
    version: stepVersion,
    message: z.string().optional().meta({ description: "A message to the complainant written with the step." }),
  })
  .meta({ id: "SimpleStepRequest", description: "A step that needs no details." });

/** A step with details: its `details` are the fields of the same schema the case page's form is checked by. */
const detailedStepRequest = (action: DetailedAction) =>
  z
    .strictObject({ action: z.literal(action), target: stepTarget, version: stepVersion, details: DETAILED_STEPS[action].schema })
    .meta({ id: `${action.split("_").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}Request`, description: `The details of ${action}: the fields of its form on the case page.` });

export const stepRequestSchema = z
  .discriminatedUnion("action", [simpleStepRequest, ...DETAILED_ACTIONS.map(detailedStepRequest)])
  .meta({ id: "StepRequest" });

export const stepResultSchema = z
  .object({
    caseId: uuid,
    seq: z.number().int().meta({ description: "The event's place in the case's history." }),
    version: z.number().int(),
    replayed: z.boolean().meta({ description: "True when the Idempotency-Key had already made this step." }),
  })
  .meta({ id: "StepResult" });

export const messageRequestSchema = z
  .strictObject({
    body: z.string(),
    visibility: z.enum(["complainant", "organisation", "provider", "internal"]).default("complainant").meta({ description: "Who reads it: the shared thread (complainant), the bodies (provider), or the writer's own side (internal)." }),
  })
  .meta({ id: "MessageRequest" });

export const messageResultSchema = z
  .object({ id: uuid, authorParty: z.string(), visibility: z.string(), createdAt: instant, replayed: z.boolean().meta({ description: "True when the Idempotency-Key had already made this message." }) })
  .meta({ id: "Message" });

export const documentIdParams = caseIdParams.extend({ documentId: uuid.meta({ description: "The document's id." }) });

export const documentSchema = z
  .object({
    id: uuid,
    filename: z.string(),
    mimeType: z.enum(ATTACHMENT_TYPES),
    size: z.number().int().meta({ description: "Bytes." }),
    sha256: z.string().meta({ description: "The content's SHA-256, hex." }),
    createdAt: instant,
  })
  .meta({ id: "Document" });

export const documentListSchema = z.object({ data: z.array(documentSchema) }).meta({ id: "DocumentList", description: "The case's documents, oldest first, without their content." });

export const documentResultSchema = documentSchema
  .extend({ replayed: z.boolean().meta({ description: "True when the Idempotency-Key had already stored this document." }) })
  .meta({ id: "DocumentResult" });

/** A multipart upload of one document, checked like the pages' uploads. */
export const DOCUMENT_UPLOAD = {
  field: "file",
  maxBytes: ATTACHMENT_LIMITS.maxBytes,
  description: `One file in the part named "file": PDF, PNG, JPEG or plain text, recognised by its content (the name's extension must agree), at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MiB; a PDF that runs scripts or actions is refused.`,
} as const;

export const registerSchema = z
  .object({
    data: z.array(
      z.object({
        id: uuid,
        status: z.string(),
        referrer: z.string(),
        caseId: uuid,
        reference: z.string(),
        organisation: z.string(),
        organisationSlug: z.string(),
        createdAt: instant,
        updatedAt: instant,
      }),
    ),
  })
  .meta({ id: "Register", description: "FTC referrals (R4.1) on the cases the token may see." });

export const idempotencyHeaders = z.object({
  "idempotency-key": z.string().min(1).max(255).optional().meta({ description: "A key of the client's choosing (a UUID), scoped to the case: sent again, it answers with the step or message it made and records nothing." }),
});

export type Method = "get" | "post";

export interface Operation {
  id: string;
  method: Method;
  /** The path under /api/v1, in OpenAPI's {param} form. */
  path: string;
  summary: string;
  scope: "read" | "act";
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** The body is a multipart/form-data upload of one document (DOCUMENT_UPLOAD). */
  upload?: true;
  /** The answer is the document's bytes, in its own media type, not JSON. */
  ok: { status: 200 | 201; schema?: z.ZodType; binary?: true; description: string };
  problems: number[];
}

const READ_PROBLEMS = [401, 429];

export const OPERATIONS: Operation[] = [
  { id: "listCases", method: "get", path: "/cases", summary: "The cases the token may see, most urgent first", scope: "read", query: listQuerySchema, ok: { status: 200, schema: caseListSchema, description: "A page of cases." }, problems: [400, ...READ_PROBLEMS] },
  { id: "getCase", method: "get", path: "/cases/{id}", summary: "A case: its clocks with due dates and the steps the ladder allows now", scope: "read", params: caseIdParams, ok: { status: 200, schema: caseSchema, description: "The case." }, problems: [404, ...READ_PROBLEMS] },
  {
    id: "takeStep",
    method: "post",
    path: "/cases/{id}/steps",
    summary: "Take a step the ladder allows",
    scope: "act",
    params: caseIdParams,
    headers: idempotencyHeaders,
    body: stepRequestSchema,
    ok: { status: 201, schema: stepResultSchema, description: "The step was recorded (or had been, under the same Idempotency-Key)." },
    problems: [400, 403, 404, 409, 413, 415, ...READ_PROBLEMS],
  },
  { id: "postMessage", method: "post", path: "/cases/{id}/messages", summary: "Write a message on a case", scope: "act", params: caseIdParams, headers: idempotencyHeaders, body: messageRequestSchema, ok: { status: 201, schema: messageResultSchema, description: "The message was stored (or had been, under the same Idempotency-Key)." }, problems: [400, 403, 404, 413, 415, ...READ_PROBLEMS] },
  { id: "listDocuments", method: "get", path: "/cases/{id}/documents", summary: "The documents on a case", scope: "read", params: caseIdParams, ok: { status: 200, schema: documentListSchema, description: "The documents." }, problems: [404, ...READ_PROBLEMS] },
  {
    id: "getDocument",
    method: "get",
    path: "/cases/{id}/documents/{documentId}",
    summary: "A document's content",
    scope: "read",
    params: documentIdParams,
    ok: { status: 200, binary: true, description: "The file, as an attachment in its own media type (PDF, PNG, JPEG or plain text), with its SHA-256 in X-SHA256." },
    problems: [404, ...READ_PROBLEMS],
  },
  {
    id: "addDocument",
    method: "post",
    path: "/cases/{id}/documents",
    summary: "Add a document to a case",
    scope: "act",
    params: caseIdParams,
    headers: idempotencyHeaders,
    upload: true,
    ok: { status: 201, schema: documentResultSchema, description: "The document was stored (or had been, under the same Idempotency-Key)." },
    problems: [400, 403, 404, 413, 415, ...READ_PROBLEMS],
  },
  { id: "getRegister", method: "get", path: "/register", summary: "The FTC referral register, on the cases the token may see", scope: "read", ok: { status: 200, schema: registerSchema, description: "The referrals." }, problems: READ_PROBLEMS },
];
