/** Every kind of notice, one module each: who receives it and what it carries. */
export { assigned } from "./assigned";
export { breach } from "./breach";
export { escalated } from "./escalated";
export { filed } from "./filed";
export { missed } from "./missed";
export { movedUp } from "./moved-up";
export { newCase } from "./new-case";
export { referralProposed } from "./referral-proposed";
export { reminder } from "./reminder";
export { remediesOrdered } from "./remedies-ordered";
export { rungOpened } from "./rung-opened";
export { step } from "./step";
export { WEBHOOK_DISABLED, aboutIntegrations } from "./webhook-disabled";
