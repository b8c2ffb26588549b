"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { DecisionStep } from "@/lib/cases/step-registry";
import type { DpaBody } from "@/components/case-status/case-status";
import { useActionFormStatus } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

interface Props {
  action: DecisionStep;
  /** The company, as the sentences name it. */
  organisation: string;
  /** The body deciding: its name (a dispute resolution provider) and, for a data protection authority, which one. */
  body: string;
  dpa: DpaBody;
  /** The side deciding, for the sentence that says whose part a closing ends. */
  party: string;
}

/**
 * The last part of a decision form: "Review the decision" reads what was typed and says, in
 * plain words, what recording it will do and what cannot be undone; only then is the decision
 * sent, once. Anything changed after the review asks for it again. Without JavaScript the
 * consequence is said in general and the form is sent directly.
 */
export function ConfirmDecision({ action, organisation, body, dpa, party }: Props) {
  const t = useTranslations("decide");
  const td = useTranslations("details");
  const format = useFormatter();
  const status = useActionFormStatus();
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const anchor = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [review, setReview] = useState<{ lines: string[]; final: string } | null>(null);
  const params = { organisation, body, dpa, party };

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const stale = () => setReview(null);
    form.addEventListener("input", stale);
    form.addEventListener("change", stale);
    return () => {
      form.removeEventListener("input", stale);
      form.removeEventListener("change", stale);
    };
  }, []);
  useEffect(() => {
    if (review) heading.current?.focus();
  }, [review]);

  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const consequences = (form: FormData): { lines: string[]; final: string } => {
    const field = (name: string) => String(form.get(name) ?? "").trim();
    const lines: string[] = [];
    if (action === "decide_eligibility") {
      const decision = field("decision") || "eligible";
      lines.push(t("will.eligibility", { decision }));
      if (field("reason")) lines.push(t("will.reasonRead", { reason: field("reason") }));
      else if (decision !== "eligible") lines.push(t("will.noReason"));
      return { lines, final: t("final.decide_eligibility", { ...params, decision }) };
    }
    if (action === "issue_determination" || action === "issue_advice" || action === "issue_award") {
      const remedies = [0, 1, 2].filter((i) => field(`remedy_kind_${i}`));
      const verdict = field("verdict");
      lines.push(t("will.verdict", { verdict, what: action === "issue_award" ? "claim" : "complaint" }));
      // R2.4: remedies exactly when the complaint is upheld, wholly or in part; the server refuses otherwise.
      if (verdict === "not_upheld" && remedies.length) lines.push(t("will.notUpheldOrdersNothing"));
      if (verdict !== "not_upheld" && !remedies.length) lines.push(t("will.verdictNeedsRemedies"));
      for (const i of remedies) {
        const kind = td(`remedy.${field(`remedy_kind_${i}`)}` as "remedy.delete");
        const due = field(`remedy_due_${i}`);
        const description = field(`remedy_description_${i}`);
        lines.push(!due ? t("will.remedyNoDate", { organisation, kind }) : description ? t("will.remedyDetails", { organisation, kind, description, date: day(due) }) : t("will.remedy", { organisation, kind, date: day(due) }));
      }
      if (!remedies.length && verdict === "not_upheld") lines.push(t("will.noRemedies", { organisation }));
      lines.push(t("will.findingsRead"));
    }
    if (action === "conclude_review") lines.push(t("will.commerce", { outcome: td(`commerce.${field("outcome")}` as "commerce.denied") }));
    if (action === "close_case") lines.push(t("will.close", { outcome: field("outcome") }));
    if (action === "notice_referral") lines.push(t("will.referral", { organisation, kind: field("kind") }));
    return { lines, final: t(`final.${action}`, { ...params, decision: "eligible" }) };
  };

  if (status === "done") return <p role="status">{t("returning")}</p>;
  if (!hydrated) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-slate-800">{t("withoutScript")}</p>
        <SubmitButton busyLabel={t("recording")}>{t("record")}</SubmitButton>
      </div>
    );
  }
  return (
    <div ref={anchor}>
      {review ? (
        <section aria-labelledby={`confirm-${action}-title`} className="space-y-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4" data-testid="decision-confirmation">
          <h2 id={`confirm-${action}-title`} ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900">
            {t("confirmTitle")}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-900">
            {review.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="font-medium text-slate-900">{review.final}</p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton busyLabel={t("recording")}>{t("record")}</SubmitButton>
            <Button type="button" variant="secondary" onClick={() => setReview(null)}>
              {t("change")}
            </Button>
          </div>
        </section>
      ) : (
        <Button
          type="button"
          onClick={() => {
            const form = anchor.current?.closest("form");
            if (form?.reportValidity()) setReview(consequences(new FormData(form)));
          }}
        >
          {t("review")}
        </Button>
      )}
    </div>
  );
}
