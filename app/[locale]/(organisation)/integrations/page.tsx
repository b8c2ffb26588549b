import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { createTokenAction, revokeTokenAction } from "@/lib/actions/api-token-actions";
import { listApiTokens, TOKEN_LIFETIMES, tokenOwners } from "@/lib/integrations/tokens";
import { listDeliveries, listSubscriptions } from "@/lib/webhooks/subscriptions";
import { WebhooksSection } from "@/components/integrations/webhooks-section";
import { signedInContext } from "@/lib/page-context";
import { Link } from "@/i18n/navigation";
import { ActionForm, ActionOutcomeNotice, ActionOutcomeProvider, FormInput, FormSelect } from "@/components/forms/action-form";
import { fieldId } from "@/components/forms/field-id";
import { Card, CardTitle } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { SubmitButton } from "@/components/ui/submit-button";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("integrations");

/** An organisation's or a body's API tokens (made, shown once, listed, revoked) and webhooks. */
export default async function IntegrationsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  const owners = await tokenOwners(db, actor);
  if (!owners.length) notFound();
  const asked = (await searchParams).owner;
  const owner = owners.find((o) => o.key === asked) ?? owners[0]!;
  const [tokens, subscriptions, deliveries] = await Promise.all([listApiTokens(db, actor, owner.principal), listSubscriptions(db, actor, owner.principal), listDeliveries(db, actor, owner.principal)]);
  const t = await getTranslations("integrations");
  const busy = (await getTranslations("common"))("busy");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <PageHeader title={t("title", { owner: owner.name })} lead={t("lead")} />
      {owners.length > 1 ? (
        <nav aria-label={t("owners")} className="mb-6">
          <ul className="flex flex-wrap gap-2 text-sm">
            {owners.map((o) => (
              <li key={o.key}>
                <Link href={{ pathname: "/integrations", query: { owner: o.key } }} aria-current={o.key === owner.key ? "page" : undefined} className="rounded px-2 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white">
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="new-token-title">
          <CardTitle id="new-token-title">{t("newToken")}</CardTitle>
          <ActionForm
            action={createTokenAction}
            idPrefix="token"
            fields={{ owner: owner.key }}
            doneText={t("created")}
            labels={{ name: t("name"), scope: t("scope"), days: t("lifetime") }}
            shownOnce={{ field: "token", label: t("yourToken"), note: t("shownOnce") }}
            className="space-y-3"
          >
            <Field id={fieldId("token", "name")} label={t("name")} hint={t("nameHint")}>
              <FormInput name="name" required maxLength={80} className={inputClass} />
            </Field>
            <Field id={fieldId("token", "scope")} label={t("scope")}>
              <FormSelect name="scope" defaultValue="read" className={inputClass}>
                <option value="read">{t("scopeRead")}</option>
                <option value="act">{t("scopeAct")}</option>
              </FormSelect>
            </Field>
            <Field id={fieldId("token", "days")} label={t("lifetime")}>
              <FormSelect name="days" defaultValue="90" className={inputClass}>
                {TOKEN_LIFETIMES.map((d) => (
                  <option key={d} value={d}>
                    {t("days", { days: d })}
                  </option>
                ))}
              </FormSelect>
            </Field>
            <SubmitButton busyLabel={busy}>{t("create")}</SubmitButton>
          </ActionForm>
        </Card>

        <Card aria-labelledby="tokens-title">
          <CardTitle id="tokens-title">{t("tokens")}</CardTitle>
          {/* A revoked token's form goes with the refresh; the notice stays above the list. */}
          <ActionOutcomeProvider>
            <ActionOutcomeNotice />
            {tokens.length ? (
              <ul className="divide-y divide-slate-100" data-testid="token-list">
                {tokens.map((k) => {
                  const state = k.revokedAt ? "revoked" : k.expiresAt <= now ? "expired" : "active";
                  return (
                    <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                      <span className="min-w-0">
                        <span className="font-medium">{k.name}</span> <span className="font-mono text-xs text-slate-600">{k.hint}…</span>
                        <span className="block text-xs text-slate-700">
                          {t(k.scope === "act" ? "scopeAct" : "scopeRead")} · {t(state === "revoked" ? "revokedOn" : state === "expired" ? "expiredOn" : "expiresOn", { date: day(state === "revoked" ? k.revokedAt! : k.expiresAt) })} · {k.lastUsedAt ? t("lastUsed", { date: day(k.lastUsedAt) }) : t("neverUsed")}
                        </span>
                      </span>
                      {state === "active" ? (
                        <details className="max-w-full rounded-md ring-1 ring-slate-300">
                          <summary className="cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-red-800" aria-label={t("revokeNamed", { name: k.name })}>
                            {t("revoke")}
                          </summary>
                          <ActionForm action={revokeTokenAction} idPrefix={`revoke-${k.id}`} fields={{ tokenId: k.id }} doneText={t("revoked")} className="max-w-xs space-y-2 p-2">
                            <p className="text-sm text-slate-700">{t("confirmRevoke", { name: k.name })}</p>
                            <SubmitButton busyLabel={busy} variant="danger" className="min-h-8 px-2 py-1">
                              {t("confirmRevokeButton")}
                            </SubmitButton>
                          </ActionForm>
                        </details>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-sm text-slate-700">{t("none")}</p>
            )}
          </ActionOutcomeProvider>
          <p className="mt-4 text-sm">
            <a href="/api/v1/openapi.json">{t("openapi")}</a> · <Link href="/api-reference">{t("reference")}</Link>
          </p>
        </Card>
      </div>
      <WebhooksSection ownerKey={owner.key} subscriptions={subscriptions} deliveries={deliveries} />
    </>
  );
}
