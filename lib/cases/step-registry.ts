/**
 * How each step the ladder offers is taken: the one list the case page, the form actions and
 * the API read. The ladder says whether a step may be taken now and what it records; this says
 * what taking it asks of the person — nothing more than a click, a message, details by a schema
 * (detailed-steps.ts), or a decision on a page of its own — and whether it asks once more
 * because it cannot be undone.
 */
import type { ActionId } from "@/lib/ladder";

export type StepForm =
  /** Nothing beyond the step itself: the ladder's payload is recorded as offered. */
  | "click"
  /** A message written with the step, which the other side reads (the step's substance). */
  | "message"
  /** Details by the step's schema (remedies agreed, evidence, names, a hearing). */
  | "details"
  /** A body's decision that the other side must live with: taken on a page of its own, with the case beside it. */
  | "decision";

export interface StepSpec {
  form: StepForm;
  /** It cannot be undone: the page says what will happen and what is given up (`actions.confirmText.<step>`) and asks once more. */
  confirm?: true;
  /** A message step that may also be taken without one (through the API). */
  messageOptional?: true;
}

export const STEPS = {
  accept_answer: { form: "click", confirm: true },
  settle: { form: "details" },
  withdraw: { form: "click", confirm: true },
  provide_information: { form: "message", messageOptional: true },
  escalate_to_irm: { form: "click", confirm: true },
  escalate_to_panel: { form: "click", confirm: true },
  comment_to_panel: { form: "message" },
  request_commerce_review: { form: "click", confirm: true },
  invoke_arbitration: { form: "message", messageOptional: true },
  submit_strikes: { form: "details" },
  acknowledge: { form: "click" },
  request_information: { form: "message", messageOptional: true },
  respond: { form: "message", messageOptional: true },
  propose_resolution: { form: "message" },
  record_compliance: { form: "details" },
  decide_eligibility: { form: "decision" },
  record_information_received: { form: "click" },
  record_conciliation: { form: "click", confirm: true },
  issue_determination: { form: "decision" },
  issue_advice: { form: "decision" },
  notice_referral: { form: "decision" },
  refer_to_commerce: { form: "click", confirm: true },
  conclude_review: { form: "decision" },
  deliver_notice: { form: "click" },
  propose_arbitrators: { form: "details" },
  constitute_panel: { form: "details" },
  schedule_hearing: { form: "details" },
  issue_award: { form: "decision" },
  propose_referral: { form: "click", confirm: true },
  advance_referral: { form: "click" },
  record_bar: { form: "details" },
  close_case: { form: "decision" },
} as const satisfies Record<ActionId, StepSpec>;

const spec = (action: ActionId): StepSpec => STEPS[action];

type Formed<F extends StepForm> = { [K in keyof typeof STEPS]: (typeof STEPS)[K]["form"] extends F ? K : never }[keyof typeof STEPS];
const formed = <F extends StepForm>(form: F) => (Object.keys(STEPS) as ActionId[]).filter((a) => spec(a).form === form) as [Formed<F>, ...Formed<F>[]];

/** Steps whose substance is a message written with them. */
export const MESSAGE_STEPS = formed("message");
/** A body's decisions, each on a page of its own. */
export const DECISION_STEPS = formed("decision");
export type DecisionStep = Formed<"decision">;
export const isDecisionStep = (action: string): action is DecisionStep => (DECISION_STEPS as readonly string[]).includes(action);

/** Steps the ladder's payload (and, where the step allows, a message) suffices for: one request through the API. */
export const ONE_CLICK_STEPS: readonly ActionId[] = (Object.keys(STEPS) as ActionId[]).filter((a) => spec(a).form === "click" || spec(a).messageOptional);

export const needsConfirmation = (action: ActionId): boolean => spec(action).confirm === true;
export const stepForm = (action: ActionId): StepForm => spec(action).form;
/** A message step that cannot be taken without its message. */
export const messageRequired = (action: ActionId): boolean => spec(action).form === "message" && !spec(action).messageOptional;
