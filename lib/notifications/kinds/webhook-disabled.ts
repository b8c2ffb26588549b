/**
 * `webhook-disabled`: an organisation's or body's webhook subscription was disabled after
 * persistent failure (lib/webhooks/deliver.ts queues it for the subscription's owners, with the
 * `url`). About no case: its link leads to the integrations page.
 */
import type { NoticeKind } from "../notice";

export const WEBHOOK_DISABLED: NoticeKind = "webhook-disabled";

/** Whether a notice of this kind is about the integrations page rather than a case. */
export const aboutIntegrations = (kind: NoticeKind) => kind === WEBHOOK_DISABLED;
