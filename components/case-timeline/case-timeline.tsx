import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/cases/queries";
import { messageKey } from "@/lib/i18n/message-key";
import type { Party } from "@/lib/ladder";
import { eventAnchor, eventName, partyName, type DpaBody } from "@/components/case-status/case-status";

/** The case's events, newest first, named for this reader and the bodies that hear the case (`irm`: the provider's name, when the case has one). */
/** `zone`: the case's (its company's, in which its first clock counts), in which every instant on the case is written. */
export async function CaseTimeline({ entries, reader, dpa, irm = "", zone }: { entries: TimelineEntry[]; reader: Party; dpa: DpaBody; irm?: string; zone: string }) {
  const t = await getTranslations("events");
  const td = await getTranslations("details");
  const tr = await getTranslations("referral");
  const tp = await getTranslations("party");
  const tl = await getTranslations("ladder");
  const format = await getFormatter();
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {[...entries].reverse().map((e) => (
        // An anchor for the status panel's link to a decision; focusable, so the link moves focus here too.
        <li key={e.seq} id={eventAnchor(e.seq)} tabIndex={-1} className="relative scroll-mt-4">
          <span aria-hidden="true" className="absolute -left-[1.42rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
          <p className="font-medium text-slate-900">{eventName(t, messageKey(e.type), dpa, irm)}</p>
          {e.detail?.kind === "eligibility" ? (
            <p className="text-sm text-slate-800">
              {td(e.detail.decision as "eligible")}
              {e.detail.reason ? `: ${e.detail.reason}` : ""}
            </p>
          ) : e.detail?.kind === "remedies" ? (
            <>
              {e.detail.verdict ? <p className="text-sm font-medium text-slate-900">{td(`verdicts.${e.detail.verdict}`)}</p> : null}
              {e.detail.findings ? <p className="whitespace-pre-line text-sm text-slate-800">{e.detail.findings}</p> : null}
              {e.detail.remedies.length ? (
                <ul className="list-disc pl-5 text-sm text-slate-800">
                  {e.detail.remedies.map((r, i) => (
                    <li key={i}>{td("remedyFor", { kind: td(`remedy.${r.kind}` as "remedy.delete"), date: r.dueAt })}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : e.detail?.kind === "outcome" ? (
            <>
              <p className="text-sm text-slate-800">{td.has(`commerce.${e.detail.outcome}` as "commerce.denied") ? td(`commerce.${e.detail.outcome}` as "commerce.denied") : e.detail.outcome}</p>
              {e.detail.findings ? <p className="whitespace-pre-line text-sm text-slate-800">{e.detail.findings}</p> : null}
            </>
          ) : e.detail?.kind === "clock" ? (
            <p className="text-sm text-slate-800">{tl(`clock.${messageKey(e.detail.clock)}` as "clock.remedy")}</p>
          ) : e.detail?.kind === "referral" ? (
            <p className="text-sm text-slate-800">{tr(e.detail.status as "proposed")}</p>
          ) : null}
          <p className="text-sm text-slate-600">
            <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, "instant", { timeZone: zone })}</time> · {partyName(tp, e.party, reader, dpa)}
          </p>
        </li>
      ))}
    </ol>
  );
}
