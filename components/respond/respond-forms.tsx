"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { takeLinkStep } from "@/lib/actions/link-actions";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";

/** Acknowledge receipt, then send the response; a refused response keeps what was typed. */
export function RespondForms({ token }: { token: string }) {
  const t = useTranslations("respond");
  const te = useTranslations("errors");
  const [ack, acknowledge] = useActionState(takeLinkStep, idleState);
  const [reply, respond] = useActionState(takeLinkStep, idleState);
  const problem = (state: ActionState) => {
    const error = state.formError;
    if (error?.kind === "internal") return te("internal", { ref: error.ref });
    // A link the form cannot even read (no token, no step) is an unknown link.
    const unreadable = Object.keys(state.fieldErrors).some((field) => field !== "body");
    const code = error?.kind === "rule" ? error.reason.replace(/^link_/, "") : error || unreadable ? "unknown" : null;
    if (!code) return null;
    return t.has(`problem.${code}` as "problem.used") ? t(`problem.${code}` as "problem.used") : t("problem.refused");
  };
  if (reply.status === "done") return <Notice tone="good">{t("responded")}</Notice>;
  const bodyError = reply.fieldErrors.body?.[0];
  const typed = [reply.values.body ?? ""].flat()[0];
  return (
    <>
      <Card>
        <h2 className="text-lg font-semibold">{t("acknowledgeTitle")}</h2>
        {ack.status === "done" ? (
          <Notice tone="good">{t("acknowledged")}</Notice>
        ) : (
          <form action={acknowledge} className="mt-2 space-y-2">
            <p className="text-sm text-slate-700">{t("acknowledgeHint")}</p>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="step" value="acknowledge" />
            {problem(ack) ? <Notice tone="warn" alert>{problem(ack)}</Notice> : null}
            <SubmitButton variant="secondary" busyLabel={t("busy")}>{t("acknowledge")}</SubmitButton>
          </form>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("respondTitle")}</h2>
        <form action={respond} className="mt-2 space-y-3">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="step" value="respond" />
          {problem(reply) ? <Notice tone="warn" alert>{problem(reply)}</Notice> : null}
          <Field id="response-body" label={t("response")} hint={t("responseHint")} error={bodyError ? t.has(`fieldError.${bodyError}` as "fieldError.required") ? t(`fieldError.${bodyError}` as "fieldError.required") : t("fieldError.invalid") : null}>
            <textarea
              id="response-body"
              name="body"
              rows={8}
              maxLength={10_000}
              defaultValue={typed}
              key={reply.attempt}
              aria-invalid={bodyError ? true : undefined}
              aria-describedby={["response-body-hint", bodyError ? "response-body-error" : ""].filter(Boolean).join(" ")}
              className={inputClass}
            />
          </Field>
          <SubmitButton busyLabel={t("busy")}>{t("send")}</SubmitButton>
        </form>
      </Card>
    </>
  );
}
