"use client";
import { useActionState, useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { assignCases } from "@/lib/actions/case-actions";
import { idleState } from "@/lib/actions/action-state";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { inputClass } from "@/components/ui/field";
import { BULK_ASSIGNEE, BULK_FORM } from "@/components/keyboard-shortcuts/targets";

const SHORT_REASONS = ["changed", "already_assigned", "not_found", "case_closed"];

/**
 * Assigns the cases ticked in the queue to one of the team. Without JavaScript it is a plain
 * form: "select all on this page" sends the page's cases, listed here as hidden fields.
 */
export function BulkAssignForm({ organisationId, staff, pageCases }: { organisationId: string; staff: { id: string; name: string }[]; pageCases: string[] }) {
  const locale = useLocale();
  const t = useTranslations("queue");
  const te = useTranslations("errors");
  const tr = useTranslations("reasons");
  const busy = useTranslations("common")("busy");
  const router = useRouter();
  const [state, dispatch] = useActionState(assignCases, idleState);
  useEffect(() => {
    if (state.status === "done") router.refresh();
  }, [state, router]);
  const result = state.status === "done" ? state.result : undefined;
  const reason = (code: string) => t(`bulkReason.${SHORT_REASONS.includes(code) ? code : "other"}` as "bulkReason.other");
  const list = result?.refused.map((r) => `${r.reference ?? t("unknownCase")} (${reason(r.reason)})`).join("; ");
  const errors = [...(state.fieldErrors.cases ?? []), ...(state.fieldErrors.assignee ?? [])].map((key) => (te.has(key as "invalid") ? te(key as "invalid") : te("invalid")));
  const formError = state.formError;
  return (
    <form id={BULK_FORM} action={dispatch} aria-labelledby="bulk-assign-title" className="mb-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="bulk-assign-title" className="mb-2 text-base font-semibold">
        {t("bulkTitle")}
      </h2>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="organisationId" value={organisationId} />
      {pageCases.map((c) => (
        <input key={c} type="hidden" name="pageCases" value={c} />
      ))}
      {result ? (
        <Notice tone={result.refused.length ? "warn" : "good"} alert={!!result.refused.length}>
          {result.refused.length ? t("bulkResult", { assigned: result.assigned, refused: result.refused.length, list: list! }) : t("bulkResultAll", { assigned: result.assigned })}
        </Notice>
      ) : null}
      {errors.length || formError ? (
        <Notice tone="bad" alert>
          {formError?.kind === "rule" ? (tr.has(formError.reason as "generic") ? tr(formError.reason as "generic", formError.params as Record<string, number>) : tr("generic"))
          : formError?.kind === "internal" ? te("internal", { ref: formError.ref })
          : formError ? te("not_found")
          : errors.join(" ")}
        </Notice>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-h-10 items-center gap-2 text-sm font-medium">
          <SelectAllOnPage />
          {t("selectAllOnPage")}
        </label>
        <div>
          <label htmlFor={BULK_ASSIGNEE} className="block text-sm font-medium">
            {t("assignSelectedTo")}
          </label>
          <select id={BULK_ASSIGNEE} name="assignee" required defaultValue={state.status === "error" ? String(state.values.assignee ?? "") : ""} aria-invalid={state.fieldErrors.assignee ? true : undefined} className={inputClass}>
            <option value="">{t("chooseAssignee")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton busyLabel={busy}>{t("assignSelected")}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * The box that ticks every case on the page. Without JavaScript it is sent as
 * `allOnPage`; with it, it also ticks the rows, and follows them when one is unticked.
 */
function SelectAllOnPage() {
  const [state, setState] = useState<"none" | "some" | "all">("none");
  const rows = () => [...document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM}"][name="cases"]`)];
  useEffect(() => {
    const follow = (e: Event) => {
      const target = e.target as HTMLInputElement;
      if (target.name !== "cases" || target.getAttribute("form") !== BULK_FORM) return;
      const ticked = rows().filter((r) => r.checked).length;
      setState(ticked === 0 ? "none" : ticked === rows().length ? "all" : "some");
    };
    const reset = (e: Event) => {
      if ((e.target as HTMLElement).id === BULK_FORM) setState("none");
    };
    document.addEventListener("change", follow);
    document.addEventListener("reset", reset, true);
    return () => {
      document.removeEventListener("change", follow);
      document.removeEventListener("reset", reset, true);
    };
  }, []);
  return (
    <input
      type="checkbox"
      name="allOnPage"
      value="1"
      checked={state === "all"}
      ref={(box) => {
        if (box) box.indeterminate = state === "some";
      }}
      onChange={(e) => {
        for (const row of rows()) row.checked = e.currentTarget.checked;
        setState(e.currentTarget.checked ? "all" : "none");
      }}
      className="h-5 w-5"
    />
  );
}
