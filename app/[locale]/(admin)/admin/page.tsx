import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { platformCounts } from "@/lib/admin/overview";
import { listCases } from "@/lib/cases/queries";
import { signedInContext } from "@/lib/page-context";
import { CaseTable } from "@/components/case-list/case-table";
import { PageHeader } from "@/components/ui/page-header";
import { retentionPolicy } from "@/lib/retention/policy";
import { referralPrompts } from "@/lib/enforcement/register";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("admin");

export default async function AdminPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const { db, actor, now } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("home");
  const tc = await getTranslations("cases");
  const tcert = await getTranslations("certifications");
  const ta = await getTranslations("accounts");
  const tau = await getTranslations("auditLog");
  const tb = await getTranslations("backOffice");
  const tbo = await getTranslations("bodies");
  const tr = await getTranslations("register");
  const [policy, counts, prompts] = await Promise.all([retentionPolicy(db, actor), platformCounts(db, actor), referralPrompts(db, actor, now)]);
  const sections = [
    { href: "/admin/certifications", label: tcert("adminLink"), count: tb("organisations", { count: counts.organisations }) },
    { href: "/admin/bodies", label: tbo("adminLink"), count: tb("bodies", { count: counts.providers }) },
    { href: "/admin/users", label: ta("adminLink"), count: tb("accounts", { count: counts.users, disabled: counts.disabledUsers }) },
    { href: "/admin/ftc", label: tr("adminLink"), count: tb("register", { count: counts.referrals, prompts: prompts.length }) },
    { href: "/admin/audit", label: tau("adminLink"), count: tb("audit", { count: counts.auditEntries }) },
    { href: "/admin/settings", label: tb("settingsLink"), count: tb("retention", { days: policy.days }) },
  ];
  const stats = [
    [t("organisations"), counts.organisations],
    [t("providers"), counts.providers],
    [t("users"), counts.users],
    [t("openCases"), counts.openCases],
    [t("referrals"), counts.referrals],
  ] as const;
  return (
    <>
      <PageHeader title={t("adminTitle")} />
      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-5">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      <nav aria-labelledby="back-office-title" className="mb-8">
        <h2 id="back-office-title" className="mb-3 text-xl font-semibold">
          {tb("title")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {sections.map((s) => (
            <li key={s.href} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <Link href={s.href} className="font-medium">
                {s.label}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{s.count}</p>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="mb-3 text-xl font-semibold">{tc("allTitle")}</h2>
      <CaseTable items={await listCases(db, actor, { limit: 200 })} now={now} caption={tc("allTitle")} />
    </>
  );
}
