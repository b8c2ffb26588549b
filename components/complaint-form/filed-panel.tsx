import type { Ref } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export interface FiledPanelProps {
  reference: string;
  organisationName: string;
  /** The company's reply day (a calendar day), or null while the complaint is being delivered. */
  responseDueAt: string | Date | null;
  responseOverdue: boolean;
  email: string;
  /** The case page, when this browser is signed in as the complainant; otherwise the mail leads there. */
  caseId: string | null;
  heading?: Ref<HTMLHeadingElement>;
  /** False where the page's own heading already says it. */
  showTitle?: boolean;
}

/** A filed complaint as its complainant first sees it: the reference, the company's day, the way to the case. */
export function FiledPanel({ reference, organisationName, responseDueAt, responseOverdue, email, caseId, heading, showTitle = true }: FiledPanelProps) {
  const t = useTranslations("filing");
  const date = responseDueAt ? new Date(responseDueAt) : null;
  return (
    <section aria-labelledby={showTitle ? "done-title" : undefined} aria-label={showTitle ? undefined : t("doneTitle")} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-emerald-300">
      {showTitle ? (
        <h2 id="done-title" ref={heading} tabIndex={-1} className="text-2xl font-bold text-emerald-900">
          {t("doneTitle")}
        </h2>
      ) : null}
      <p className="mt-3 text-lg [overflow-wrap:normal]" data-testid="reference">
        {t("doneReference", { reference })}
      </p>
      <p className="mt-2">{!date ? t("doneDelivering", { organisation: organisationName }) : responseOverdue ? t("doneOverdue", { organisation: organisationName, date }) : t("doneDue", { organisation: organisationName, date })}</p>
      <p className="mt-2 text-slate-700">{t("doneMailSignIn", { email })}</p>
      <p className="mt-2 text-slate-700">{t("doneNext", { organisation: organisationName })}</p>
      {caseId ? (
        <Link href={`/cases/${caseId}`} className="mt-4 inline-block font-medium underline">
          {t("doneSignedIn")}
        </Link>
      ) : null}
    </section>
  );
}
