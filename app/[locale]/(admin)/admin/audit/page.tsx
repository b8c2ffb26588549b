import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { auditFilterSchema, auditVocabulary, listAuditEntries } from "@/lib/admin/audit-log";
import { signedInContext } from "@/lib/page-context";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("audit");

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string>> }) {
  const { locale } = await params;
  const filter = auditFilterSchema.parse(await searchParams);
  const { db, actor } = await signedInContext(locale);
  if (!actor.isAdmin) notFound();
  const t = await getTranslations("auditLog");
  const format = await getFormatter();
  const [{ entries, next }, vocabulary] = await Promise.all([listAuditEntries(db, actor, filter), auditVocabulary(db, actor)]);
  const query = new URLSearchParams(Object.entries({ ...filter, before: undefined }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const label = "mb-1 block text-sm font-medium";
  // Plain names where there are some; the code itself otherwise (and always beside it, for those who look it up).
  const actionName = (code: string) => (t.has(`actionNames.${code}` as "actionNames.api_call") ? t(`actionNames.${code}` as "actionNames.api_call") : code);
  const entityName = (code: string) => (t.has(`entityNames.${code}` as "entityNames.case") ? t(`entityNames.${code}` as "entityNames.case") : code);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <form role="search" aria-label={t("filters")} className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6" action="">
        <div>
          <label htmlFor="audit-entity" className={label}>{t("entity")}</label>
          <select id="audit-entity" name="entity" defaultValue={filter.entity ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {vocabulary.entities.map((e) => <option key={e} value={e}>{entityName(e)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className={label}>{t("action")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">{t("any")}</option>
            {vocabulary.actions.map((a) => <option key={a} value={a}>{actionName(a)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-who" className={label}>{t("who")}</label>
          <input id="audit-who" name="who" type="search" defaultValue={filter.who ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-from" className={label}>{t("from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className={label}>{t("to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
          <a href={`/api/admin/audit.csv?${query}`} download className="min-h-10 rounded-md px-3 py-2 text-sm ring-1 ring-slate-300">{t("csv")}</a>
        </div>
      </form>
      {!entries.length ? <p className="rounded-md bg-white p-6 ring-1 ring-slate-200">{t("empty")}</p> : null}
      {entries.length ? (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">#</th>
                <th scope="col" className="px-3 py-2">{t("when")}</th>
                <th scope="col" className="px-3 py-2">{t("who")}</th>
                <th scope="col" className="px-3 py-2">{t("action")}</th>
                <th scope="col" className="px-3 py-2">{t("what")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {entries.map((e) => (
                <tr key={e.seq} className="align-top">
                  <td className="px-3 py-2 font-mono text-xs">{e.seq}</td>
                  <td className="whitespace-nowrap px-3 py-2">{format.dateTime(e.at, "instant")}</td>
                  <td className="min-w-48 px-3 py-2 [overflow-wrap:anywhere]">{e.actor ?? t("system")}</td>
                  <td className="min-w-56 px-3 py-2">
                    <span className="font-medium">{actionName(e.action)}</span> <span className="font-mono text-xs text-slate-600">{e.action}</span>
                    <span className="block text-xs text-slate-600">
                      {entityName(e.entity)} · <span className="font-mono">{e.entityId.slice(0, 36)}</span>
                    </span>
                  </td>
                  <td className="px-3 py-2">
                    <code className="block max-w-md whitespace-pre-wrap break-all text-xs text-slate-700">{JSON.stringify(e.data)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/audit?${new URLSearchParams([...query, ["before", String(next)]])}`}>{t("older")}</Link>
        </p>
      ) : null}
    </>
  );
}
