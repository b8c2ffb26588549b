import { getFormatter, getTranslations } from "next-intl/server";
import { createWebhookAction, deleteWebhookAction, rotateWebhookSecretAction, sendAgainAction, setWebhookEnabledAction } from "@/lib/actions/webhook-actions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import type { DeliveryItem, SubscriptionItem } from "@/lib/webhooks/subscriptions";
import { ActionForm, ActionOutcomeNotice, ActionOutcomeProvider, FormFieldError, FormInput } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ConfirmDisclosure } from "@/components/ui/confirm-disclosure";
import { Field, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const eventKey = (type: string) => type.replace(".", "_") as "case_filed";

/** An owner's webhook subscriptions (made, rotated, turned off and on, deleted) and its delivery log. */
export async function WebhooksSection({ ownerKey, subscriptions, deliveries }: { ownerKey: string; subscriptions: SubscriptionItem[]; deliveries: DeliveryItem[] }) {
  const t = await getTranslations("webhooks");
  const busy = (await getTranslations("common"))("busy");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, "instant");
  return (
    <section aria-labelledby="webhooks-title" className="mt-10">
      <h2 id="webhooks-title" className="mb-2 text-xl font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("lead")}</p>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="new-webhook-title">
          <CardTitle id="new-webhook-title">{t("newWebhook")}</CardTitle>
          <ActionForm
            action={createWebhookAction}
            idPrefix="webhook"
            fields={{ owner: ownerKey }}
            doneText={t("created")}
            labels={{ url: t("url"), events: t("events") }}
            errorTexts={{ https_required: t("httpsRequired"), internal_address: t("internalAddress") }}
            shownOnce={{ field: "secret", label: t("yourSecret"), note: t("shownOnce") }}
            className="space-y-3"
          >
            <Field id={fieldId("webhook", "url")} label={t("url")} hint={t("urlHint")}>
              <FormInput name="url" type="url" required maxLength={2000} className={inputClass} />
            </Field>
            <fieldset className="space-y-1" id={fieldId("webhook", "events")}>
              <legend className="text-sm font-medium">{t("events")}</legend>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} className="flex items-center gap-2 text-sm">
                  <FormInput type="checkbox" name="events" value={type} defaultChecked />
                  {t(`event.${eventKey(type)}`)}
                </label>
              ))}
              <FormFieldError name="events" />
            </fieldset>
            <SubmitButton busyLabel={busy}>{t("create")}</SubmitButton>
          </ActionForm>
        </Card>

        <Card aria-labelledby="webhook-list-title">
          <CardTitle id="webhook-list-title">{t("subscriptions")}</CardTitle>
          <ActionOutcomeProvider>
            <ActionOutcomeNotice />
            {subscriptions.length ? (
              <ul className="divide-y divide-slate-100" data-testid="webhook-list">
                {subscriptions.map((s) => (
                  <li key={s.id} className="space-y-2 py-3 text-sm" data-url={s.url}>
                    <p className="break-all font-mono text-xs">{s.url}</p>
                    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
                      {s.enabled ? <Badge tone="good">{t("active")}</Badge> : <Badge tone={s.disabledReason === "failing" ? "bad" : "neutral"}>{t(s.disabledReason === "failing" ? "disabledFailing" : "disabledByOwner", { date: when(s.disabledAt ?? s.createdAt) })}</Badge>}
                      <span>{s.eventTypes.map((type) => t(`event.${eventKey(type)}`)).join(" · ")}</span>
                    </p>
                    {s.previousSecretUntil && s.previousSecretUntil > new Date() ? <p className="text-xs text-slate-700">{t("previousSecretUntil", { date: when(s.previousSecretUntil) })}</p> : null}
                    <div className="flex flex-wrap items-start gap-2">
                      <ActionForm action={setWebhookEnabledAction} idPrefix={`toggle-${s.id}`} fields={{ subscriptionId: s.id, enabled: s.enabled ? "false" : "true" }} doneText={t(s.enabled ? "disabled" : "enabled")}>
                        <SubmitButton busyLabel={busy} variant="secondary" className="min-h-8 px-2 py-1" aria-label={t(s.enabled ? "disableNamed" : "enableNamed", { url: s.url })}>
                          {t(s.enabled ? "disable" : "enable")}
                        </SubmitButton>
                      </ActionForm>
                      <ActionForm action={rotateWebhookSecretAction} idPrefix={`rotate-${s.id}`} fields={{ subscriptionId: s.id }} doneText={t("rotated")} shownOnce={{ field: "secret", label: t("yourNewSecret"), note: t("shownOnce") }}>
                        <ConfirmDisclosure summary={t("rotate")} consequence={t("rotateConsequence", { hours: 24 })} confirmLabel={t("rotateConfirm")} busyLabel={busy} />
                      </ActionForm>
                      <ActionForm action={deleteWebhookAction} idPrefix={`delete-${s.id}`} fields={{ subscriptionId: s.id }} doneText={t("deleted")}>
                        <ConfirmDisclosure summary={t("delete")} consequence={t("deleteConsequence", { url: s.url })} confirmLabel={t("deleteConfirm")} busyLabel={busy} danger />
                      </ActionForm>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">{t("none")}</p>
            )}
          </ActionOutcomeProvider>
        </Card>
      </div>

      <Card aria-labelledby="deliveries-title" className="mt-6">
        <CardTitle id="deliveries-title">{t("deliveries")}</CardTitle>
        <ActionOutcomeProvider>
          <ActionOutcomeNotice />
          {deliveries.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="delivery-log">
                <thead className="text-xs text-slate-700">
                  <tr>
                    <th scope="col" className="py-1 pr-3">{t("colEvent")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colCase")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colStatus")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colAttempts")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colResponse")}</th>
                    <th scope="col" className="py-1 pr-3">{t("colNext")}</th>
                    <th scope="col" className="py-1">
                      <span className="sr-only">{t("colActions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {deliveries.map((d) => (
                    <tr key={d.id} data-delivery={d.id}>
                      <td className="py-2 pr-3">
                        {t(`event.${eventKey(d.type)}`)}
                        <span className="block text-xs text-slate-600">{when(d.createdAt)}</span>
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs">{d.reference}</td>
                      <td className="py-2 pr-3">
                        <Badge tone={d.status === "delivered" ? "good" : d.status === "failed" ? "bad" : "warn"}>{t(`status.${d.status}`)}</Badge>
                      </td>
                      <td className="py-2 pr-3">{d.attempts}</td>
                      <td className="py-2 pr-3">{d.lastStatus ?? (d.lastError ? t("noAnswer") : "—")}</td>
                      <td className="py-2 pr-3">{d.nextAttemptAt ? when(d.nextAttemptAt) : "—"}</td>
                      <td className="py-2">
                        {d.status !== "pending" ? (
                          <ActionForm action={sendAgainAction} idPrefix={`again-${d.id}`} fields={{ deliveryId: d.id }} doneText={t("sentAgain")}>
                            <SubmitButton busyLabel={busy} variant="secondary" className="min-h-8 px-2 py-1" aria-label={t("sendAgainNamed", { event: t(`event.${eventKey(d.type)}`), reference: d.reference })}>
                              {t("sendAgain")}
                            </SubmitButton>
                          </ActionForm>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-700">{t("noDeliveries")}</p>
          )}
        </ActionOutcomeProvider>
      </Card>
    </section>
  );
}
