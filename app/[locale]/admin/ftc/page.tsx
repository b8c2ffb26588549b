import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { delist } from "@/lib/actions/enforcement-actions";
import { listReferrals } from "@/lib/enforcement/register";
import { getOrganisationProfile } from "@/lib/directory/queries";
import { signedInContext } from "@/lib/page-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "FTC referrals" };

export default async function FtcRegisterPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ delisted?: string; error?: string }> }) {
  const { locale } = await params;
  const search = await searchParams;
  const { db, actor } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("register");
  const tr = await getTranslations("referral");
  const tp = await getTranslations("party");
  const format = await getFormatter();
  const referrals = await listReferrals(db, actor);
  const participants = new Map<string, boolean>();
  for (const r of referrals) {
    if (!participants.has(r.organisationSlug)) participants.set(r.organisationSlug, (await getOrganisationProfile(db, r.organisationSlug))?.participant ?? false);
  }
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {search.delisted ? <Notice tone="good">{t("delisted")}</Notice> : null}
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
                <form action={delist}>
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="organisationId" value={r.organisationId} />
                  <Button type="submit" variant="danger">
                    {t("delist", { organisation: r.organisation })}
                  </Button>
                </form>
              ) : (
                <Badge tone="bad">{t("removed")}</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
