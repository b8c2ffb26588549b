import { getFormatter, getTranslations } from "next-intl/server";
import { DECISION_EVENT, calendarDay, type CaseStatus, type Party } from "@/lib/ladder";

/** Which data protection authority hears the case: the EU panel's words do not fit the FDPIC or the ICO. */
export type DpaBody = "panel" | "fdpic" | "ico";

/** The data protection authority a case went to, by the bodies it was handed over to. */
export function dpaBodyOf(bodies: { kind: string }[]): DpaBody {
  const kind = bodies.find((b) => b.kind === "fdpic" || b.kind === "ico" || b.kind === "dpa_panel")?.kind;
  return kind === "fdpic" || kind === "ico" ? kind : "panel";
}

/**
 * A party's name as this reader reads it: "your data protection authority" is the
 * complainant's word only, and the data protection authority that hears the case is named as
 * the body it is (the FDPIC and the ICO are no panel).
 */
export function partyName(tp: Awaited<ReturnType<typeof getTranslations<"party">>>, party: string, reader: Party, dpa: DpaBody): string {
  if (party === "dpa" && reader !== "complainant") return tp("theirDpa");
  if (party === "dpa_panel") return tp("dpaBody", { dpa });
  return tp(party as Party);
}

/**
 * An event's name with the body that acts in it: the data protection authority that hears the
 * case (`events.byDpa`: the FDPIC's advice is not "the panel's"), and the provider by its name
 * when the case has one (`events.byIrm`: "JAMS issued a determination"); other events keep their one name.
 */
export function eventName(te: Awaited<ReturnType<typeof getTranslations<"events">>>, key: string, dpa: DpaBody, irm = ""): string {
  if (irm && te.has(`byIrm.${key}` as "byIrm.irm_determined")) return te(`byIrm.${key}` as "byIrm.irm_determined", { irm });
  return te.has(`byDpa.${key}` as "byDpa.panel_advised") ? te(`byDpa.${key}` as "byDpa.panel_advised", { dpa }) : te(key as "case_filed");
}

/** The id of an event's entry on the case's timeline, for a link to it. */
export const eventAnchor = (seq: number) => `event-${seq}`;

/**
 * Where the case stands, in plain words, before anything else on the page: where it is, what
 * happens next, who acts and by when, and the route running beside it. A decision it tells of
 * links to the timeline entry that records it (`recorded`: the case's events), where it is read.
 */
export async function CaseStatusPanel({ status, reader, organisation, irm, dpa, recorded }: { status: CaseStatus; reader: Party; organisation: string; irm: string; dpa: DpaBody; recorded: readonly { seq: number; type: string }[] }) {
  const t = await getTranslations("status");
  const td = await getTranslations("details");
  const format = await getFormatter();
  // A name that ends a sentence with its own full stop ("mParticle, Inc.") needs no second one.
  const sentence = (text: string) => text.replace(/\.\.(?=\s|$)/g, ".");
  const params = {
    reader,
    you: status.you ? "yes" : "no",
    organisation,
    irm,
    dpa,
    date: status.due ? calendarDay(status.due.dueAt, status.due.zone) : new Date(0),
  };
  return (
    <section aria-labelledby="status-title" className="rounded-lg border-l-4 border-sky-700 bg-sky-50 p-4 sm:p-5" data-testid="case-status">
      <h2 id="status-title" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-2 text-base text-slate-900">{sentence(t(`where.${status.where}`, params))}</p>
      {/* The outcome first, right after where the case is (R2.4, R2.6, R3.3). */}
      {status.verdict ? (
        <p className="mt-1 text-base font-medium text-slate-900" data-testid="case-verdict">
          {sentence(
            t(`verdict.${status.verdict.decision}`, {
              ...params,
              verdict: status.verdict.verdict,
              remedies: format.list(status.verdict.remedies.map((kind) => t("remedyQuoted", { kind: td(`remedy.${kind}`) })), { type: "conjunction" }),
            }),
          )}
        </p>
      ) : null}
      {/* Where rungs are named below, "a later step is open" would say it twice. */}
      {status.next === "later_steps_open" && status.opens.length ? null : <p className="mt-1 text-base font-medium text-slate-900">{sentence(t(`next.${status.next}`, params))}</p>}
      {status.acknowledge ? (
        <p className="mt-1 text-base text-slate-900">{sentence(t("acknowledge", { ...params, who: status.actor === "irm" ? "irm" : "organisation", date: calendarDay(status.acknowledge.dueAt, status.acknowledge.zone) }))}</p>
      ) : null}
      {status.opens.map((rung) => (
        <p key={rung} className="mt-1 text-base text-slate-900">
          {t(`opens.${rung}`, params)}
        </p>
      ))}
      {status.next === "you_answer_question" && status.due ? <p className="mt-1 text-sm text-slate-700">{sentence(t("questionClock", params))}</p> : null}
      {status.beside ? <p className="mt-1 text-sm text-slate-700">{t(`beside.${status.beside}`)}</p> : null}
      {status.receipt ? <p className="mt-1 text-sm text-slate-700">{sentence(t(`receipt.${status.receipt.via}`, { organisation, date: calendarDay(status.receipt.at, status.receipt.zone) }))}</p> : null}
      {status.decisions.map((decision) => {
        // The latest entry of the event that records it: a later one replaces an earlier on the same rung.
        const entry = recorded.findLast((e) => e.type === DECISION_EVENT[decision]);
        return entry ? (
          <p key={decision} className="mt-2 text-base">
            <a href={`#${eventAnchor(entry.seq)}`} className="font-medium text-sky-900 underline">
              {t(`decision.${decision}`, params)}
            </a>
          </p>
        ) : null;
      })}
    </section>
  );
}
