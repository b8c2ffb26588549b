/**
 * Taking a step, for the case page's forms and the API alike (step-registry.ts says how each is
 * taken). Steps by a click or with a message: the ladder offers them, and the payload it checked
 * is the one recorded. Steps with details (a determination's findings and remedies, an award,
 * a reason): the details become the payload by their schema (detailed-steps.ts), and the
 * ladder judges that.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireActing } from "@/lib/auth/policy";
import { ConflictError, RuleError, ValidationError } from "@/lib/errors";
import { arbitrationInvocation, type ActionId, type EventPayloads, type EventType, type Party, type RemedyKind } from "@/lib/ladder";
import { recordEvent, stepByKey, type ProposedEvent, type RecordedStep, type RequestMeta } from "./commands";
import { detailedEvent, type DetailedAction } from "./detailed-steps";
import type { CheckedAttachment } from "./attachments";
import { getCaseDetail } from "./queries";
import { messageRequired, stepForm } from "./step-registry";

/** What the person wrote with a message step, which the step's payload may carry. */
export interface StepMessage {
  body: string;
  /** A proposal's remedies (propose_resolution). */
  remedies?: readonly RemedyKind[];
  /** Documents that go with it (an answer to a question), already checked. */
  documents?: CheckedAttachment[];
}

/** The payload a message step records: the ladder's, with what the message itself decides. */
function withMessage(action: ActionId, offered: unknown, message: StepMessage | undefined): unknown {
  if (action === "propose_resolution") return { ...(offered as object), remedies: message?.remedies ?? [] };
  if (action === "invoke_arbitration" && message) return arbitrationInvocation(message.body);
  return offered;
}

/**
 * A step taken with a click, or with a message (the registry says which): the ladder offers
 * it, and the payload it checked, with what the message decides, is the one recorded.
 */
export async function takeStep(
  db: Db,
  actor: Actor,
  input: { caseId: string; action: ActionId; target?: string; party?: Party; expectedVersion?: number; message?: StepMessage; idempotencyKey?: string },
  now: Date,
  meta: RequestMeta,
): Promise<RecordedStep> {
  requireActing(actor);
  const detail = await getCaseDetail(db, actor, input.caseId, now, input.party);
  const offered = detail.view.actions.find((a) => a.action === input.action && (a.target ?? "") === (input.target ?? ""));
  // Sent before with this key: the step it made, whatever the case looks like since (unless it made another kind of step).
  if (input.idempotencyKey) {
    const prior = await stepByKey(db, actor, input.caseId, input.idempotencyKey, offered?.event);
    if (prior) return prior;
  }
  // Someone changed the case since this page was loaded: say so before judging the step.
  if (input.expectedVersion !== undefined && detail.version !== input.expectedVersion) throw new ConflictError(detail.version);
  const form = stepForm(input.action);
  if (!offered || !(form === "click" || form === "message")) throw new RuleError({ code: "generic" });
  if (!offered.allowed) throw new RuleError(offered.reason ?? { code: "generic" });
  if (!input.message && messageRequired(input.action)) throw new ValidationError({ body: ["required"] });
  let data = withMessage(input.action, offered.data, input.message) as EventPayloads[EventType];
  if (input.action === "propose_referral") {
    data = { ...(data as EventPayloads["referral.status_changed"]), referralId: `FTC-${now.getUTCFullYear()}-${randomBytes(4).toString("hex").toUpperCase()}` };
  }
  return recordEvent(db, actor, input.caseId, { type: offered.event, data, party: detail.party }, {
    now,
    expectedVersion: input.expectedVersion ?? detail.version,
    meta,
    idempotencyKey: input.idempotencyKey,
    ...(input.message ? { message: { body: input.message.body, visibility: "complainant" as const, documents: input.message.documents } } : {}),
  });
}

/** A step with details; invalid details are a ValidationError by the schema's field paths. */
export async function takeDetailedStep(
  db: Db,
  actor: Actor,
  input: { caseId: string; action: DetailedAction; details: unknown; target?: string; party?: Party; expectedVersion?: number; idempotencyKey?: string },
  now: Date,
  meta: RequestMeta,
): Promise<RecordedStep> {
  requireActing(actor);
  const built = detailedEvent(input.action, input.details, { target: input.target, party: input.party });
  if (!built.ok) throw new ValidationError(built.errors);
  // A key sent before answers with the step it made: recordEvent looks it up under the case's lock.
  return recordEvent(db, actor, input.caseId, { type: built.type, data: built.data, party: input.party } as ProposedEvent, {
    now,
    expectedVersion: input.expectedVersion,
    meta,
    idempotencyKey: input.idempotencyKey,
  });
}
