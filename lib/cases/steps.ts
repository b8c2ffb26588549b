/**
 * Steps a user takes from the case page with one button: the ladder offers them, and the
 * payload it checked is the one recorded. Steps that need details (a determination's
 * remedies, an award, a reason) have their own forms.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireActing } from "@/lib/auth/policy";
import { ConflictError, RuleError } from "@/lib/errors";
import type { ActionId, EventPayloads, EventType, Party } from "@/lib/ladder";
import { recordEvent, stepByKey, type RecordedStep, type RequestMeta } from "./commands";
import { getCaseDetail } from "./queries";

export const ONE_CLICK_STEPS: readonly ActionId[] = [
  "accept_answer",
  "withdraw",
  "provide_information",
  "escalate_to_irm",
  "escalate_to_panel",
  "request_commerce_review",
  "invoke_arbitration",
  "acknowledge",
  "request_information",
  "respond",
  "record_information_received",
  "record_conciliation",
  "refer_to_commerce",
  "deliver_notice",
  "propose_referral",
  "advance_referral",
];

export async function takeOneClickStep(
  db: Db,
  actor: Actor,
  input: { caseId: string; action: ActionId; target?: string; party?: Party; expectedVersion?: number; message?: string; idempotencyKey?: string },
  now: Date,
  meta: RequestMeta,
): Promise<RecordedStep> {
  requireActing(actor);
  const detail = await getCaseDetail(db, actor, input.caseId, now, input.party);
  // Sent before with this key: the step it made, whatever the case looks like since.
  if (input.idempotencyKey) {
    const prior = await stepByKey(db, actor, input.caseId, input.idempotencyKey);
    if (prior) return prior;
  }
  // Someone changed the case since this page was loaded: say so before judging the step.
  if (input.expectedVersion !== undefined && detail.version !== input.expectedVersion) throw new ConflictError(detail.version);
  const offered = detail.view.actions.find((a) => a.action === input.action && (a.target ?? "") === (input.target ?? ""));
  if (!offered || !ONE_CLICK_STEPS.includes(input.action)) throw new RuleError({ code: "generic" });
  if (!offered.allowed) throw new RuleError(offered.reason ?? { code: "generic" });
  let data = offered.data as EventPayloads[EventType];
  if (input.action === "propose_referral") {
    data = { ...(data as EventPayloads["referral.status_changed"]), referralId: `FTC-${now.getUTCFullYear()}-${randomBytes(4).toString("hex").toUpperCase()}` };
  }
  return recordEvent(db, actor, input.caseId, { type: offered.event, data, party: detail.party }, {
    now,
    expectedVersion: input.expectedVersion ?? detail.version,
    meta,
    idempotencyKey: input.idempotencyKey,
    ...(input.message ? { message: { body: input.message, visibility: "complainant" as const } } : {}),
  });
}
