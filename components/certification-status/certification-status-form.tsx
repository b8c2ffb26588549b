"use client";
import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { setCertificationStatusAction } from "@/lib/actions/certification-actions";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { CERTIFICATION_STATUSES, participation, type CertificationStatus } from "@/lib/ladder/certification";
import { Button } from "@/components/ui/button";
import { Field, FieldSet, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export interface CertificationStatusFormProps {
  id: string;
  organisationName: string;
  frameworkName: string;
  status: CertificationStatus;
  retainsFrameworkData: boolean;
  /** The latest date the administrator may give (YYYY-MM-DD). */
  today: string;
}

const asksAboutData = (s: string) => s === "inactive" || s === "withdrawn";

/**
 * One certification's new status, with its date and source. A status that turns new
 * complaints away to the DPA (R1.2) must be confirmed with its consequence spelled out.
 */
export function CertificationStatusForm(props: CertificationStatusFormProps) {
  const t = useTranslations("certifications");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, act, pending] = useActionState<ActionState, FormData>(setCertificationStatusAction, idleState);
  return (
    <form action={act} noValidate className="space-y-3">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="certificationId" value={props.id} />
      {state.formError ? (
        <Notice tone="bad" alert>
          {state.formError.kind === "internal" ? te("internal", { ref: state.formError.ref }) : te("not_found")}
        </Notice>
      ) : null}
      {Object.keys(state.fieldErrors).length ? (
        <Notice tone="bad" alert>
          {t("fixErrors")}
        </Notice>
      ) : null}
      {/* Laid out afresh after each answer: React resets a form after its action, and the fields' defaults are what was sent. */}
      <StatusFields key={state.attempt} {...props} state={state} pending={pending} />
    </form>
  );
}

function StatusFields({ id, organisationName, frameworkName, status: current, retainsFrameworkData, today, state, pending }: CertificationStatusFormProps & { state: ActionState; pending: boolean }) {
  const t = useTranslations("certifications");
  const tl = useTranslations("ladder");
  const te = useTranslations("errors");
  const refused = state.status === "error";
  const sent = Object.fromEntries(Object.entries(state.values).map(([k, v]) => [k, [v].flat()[0] ?? ""])) as Record<string, string | undefined>;
  const initialStatus = (CERTIFICATION_STATUSES as readonly string[]).includes(sent.status ?? "") ? sent.status! : current;
  const initialRetains = refused ? (sent.retainsFrameworkData ?? "") : asksAboutData(current) ? (retainsFrameworkData ? "yes" : "no") : "";
  const [status, setStatus] = useState(initialStatus);
  const [retains, setRetains] = useState(initialRetains);
  const answered = !asksAboutData(status) || retains === "yes" || retains === "no";
  const endsParticipation = answered && !participation({ framework: "eu-us-dpf", status: status as CertificationStatus, retainsFrameworkData: retains === "yes", irm: null, coversHrData: null }).participant;
  const errorOf = (field: string) => (state.fieldErrors?.[field]?.length ? state.fieldErrors[field].map((k) => (te.has(k as "invalid") ? te(k as "invalid") : te("invalid"))).join(" ") : null);
  const fid = (field: string) => `cert-${id}-${field}`;
  // The page holds a form per certification: each control names whose it is, for a screen reader's list of controls.
  const whose = <span className="sr-only">{` (${organisationName}, ${frameworkName})`}</span>;
  const describedBy = (field: string, hint = false) => [hint ? `${fid(field)}-hint` : "", errorOf(field) ? `${fid(field)}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <Field id={fid("status")} label={<>{t("newStatus")}{whose}</>} error={errorOf("status")}>
        <select
          id={fid("status")}
          name="status"
          defaultValue={initialStatus}
          onChange={(e) => setStatus(e.target.value)}
          className={inputClass}
          aria-invalid={errorOf("status") ? true : undefined}
          aria-describedby={describedBy("status")}
        >
          {CERTIFICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tl(`certStatus.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      {asksAboutData(status) ? (
        <FieldSet id={fid("retainsFrameworkData")} legend={<>{t("retainsLegend")}{whose}</>} hint={t("retainsHint")} error={errorOf("retainsFrameworkData")}>
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input type="radio" name="retainsFrameworkData" value={v} defaultChecked={initialRetains === v} onChange={() => setRetains(v)} />
              {t(v === "yes" ? "retainsYes" : "retainsNo")}
            </label>
          ))}
        </FieldSet>
      ) : null}
      <Field id={fid("since")} label={<>{t("since")}{whose}</>} hint={t("sinceHint")} error={errorOf("since")}>
        <input
          id={fid("since")}
          name="since"
          type="date"
          max={today}
          defaultValue={sent.since ?? ""}
          className={`${inputClass} max-w-48`}
          aria-invalid={errorOf("since") ? true : undefined}
          aria-describedby={describedBy("since", true)}
        />
      </Field>
      <Field id={fid("source")} label={<>{t("source")}{whose}</>} hint={t("sourceHint")} error={errorOf("source")}>
        <input
          id={fid("source")}
          name="source"
          type="text"
          maxLength={300}
          defaultValue={sent.source ?? ""}
          className={inputClass}
          aria-invalid={errorOf("source") ? true : undefined}
          aria-describedby={describedBy("source", true)}
        />
      </Field>
      {endsParticipation ? (
        <div className="space-y-1 rounded-md bg-amber-50 p-3 ring-1 ring-amber-300">
          <label className="flex items-start gap-2 text-sm text-amber-950">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              defaultChecked={sent.confirm === "yes"}
              className="mt-1"
              aria-invalid={errorOf("confirm") ? true : undefined}
              aria-describedby={errorOf("confirm") ? `${fid("confirm")}-error` : undefined}
            />
            <span>{t("confirmConsequence", { organisation: organisationName, framework: frameworkName })}</span>
          </label>
          {errorOf("confirm") ? (
            <p id={`${fid("confirm")}-error`} className="text-sm font-medium text-red-800">
              {errorOf("confirm")}
            </p>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" variant={endsParticipation ? "danger" : "primary"} disabled={pending}>
        {t("save")}
        {whose}
      </Button>
    </>
  );
}
