import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { delist } from "@/lib/actions/enforcement-actions";
import { listReferrals } from "@/lib/enforcement/register";
import { getOrganisationProfile } from "@/lib/directory/queries";
import { signedInContext } from "@/lib/page-context";
import { Badge } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionForm, ActionOutcomeNotice, ActionOutcomeProvider } from "@/components/forms/action-form";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("ftc");

export default async function FtcRegisterPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("register");
  const tr = await getTranslations("referral");
  const tp = await getTranslations("party");
  const format = await getFormatter();
  const busy = (await getTranslations("common"))("busy");
  const referrals = await listReferrals(db, actor);
  const participants = new Map<string, boolean>();
  for (const r of referrals) {
    if (!participants.has(r.organisationSlug)) participants.set(r.organisationSlug, (await getOrganisationProfile(db, r.organisationSlug))?.participant ?? false);
  }
  return (
    <ActionOutcomeProvider>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ActionOutcomeNotice />
      {!referrals.length ? <p className="rounded-md bg-white p-6 ring-1 ring-slate-200">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {referrals.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="text-sm">
              <p className="font-semibold">
                {r.organisation} · <Link href={`/cases/${r.caseId}`} className="underline">{r.reference}</Link>
              </p>
              <p className="text-slate-700">
                {r.id} · {t("referrer")}: {tp(r.referrer === "member_state" ? "administrator" : (r.referrer as "irm"))} · {format.dateTime(r.updatedAt, { dateStyle: "medium" })}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <Badge tone={r.status === "action_taken" ? "bad" : "info"}>{tr(r.status)}</Badge>
              {participants.get(r.organisationSlug) ? (
                <ActionForm action={delist} idPrefix={`delist-${r.id}`} fields={{ organisationId: r.organisationId }} doneText={t("delisted")}>
                  <SubmitButton busyLabel={busy} variant="danger">
                    {t("delist", { organisation: r.organisation })}
                  </SubmitButton>
                </ActionForm>
              ) : (
                <Badge tone="bad">{t("removed")}</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
    </ActionOutcomeProvider>
  );
}
