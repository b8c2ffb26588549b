import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { mailContent } from "@/lib/mail/content";
import { latestMail } from "@/lib/mail/outbox";
import { publicContext } from "@/lib/page-context";
import { demoMode } from "@/lib/demo";
import { PageHeader } from "@/components/ui/page-header";
import { pageMetadata } from "@/lib/i18n/page-title";

export const generateMetadata = pageMetadata("mailbox");

/** Demo mode only: the outbox, newest first, with links clickable. Absent outside demo mode. */
export default async function DevMailboxPage() {
  if (!demoMode()) notFound();
  const t = await getTranslations("mailbox");
  const format = await getFormatter();
  const mails = await latestMail((await publicContext()).db, 100);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      {!mails.length ? <p>{t("empty")}</p> : null}
      <ul className="space-y-4">
        {mails.map((m) => ({ ...m, content: mailContent(m) })).map((m) => (
          <li key={m.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="mail">
            <h2 className="font-semibold">{m.content.subject}</h2>
            <p className="text-sm text-slate-600">
              {t("to")}: <span data-testid="mail-to">{m.toEmail}</span> · {format.dateTime(m.createdAt, "instant")} · {t("status")}: {m.status}
            </p>
            <div className="mt-2 space-y-1 text-sm">
              {m.content.text.split("\n").map((line, i) =>
                /^https?:\/\/\S+$/.test(line) ? (
                  <p key={i}>
                    <a href={line} className="break-all">{line}</a>
                  </p>
                ) : (
                  <p key={i}>{line}</p>
                ),
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
