"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { confirmSecondFactorAction, verifySecondFactorAction } from "@/lib/actions/second-factor-actions";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { Link } from "@/i18n/navigation";
import { Button } from "@/components/ui/button";

/** The code field for enrolment or a sign-in; after enrolment, the recovery codes (shown once). */
export function SecondFactorForm({ mode }: { mode: "enrol" | "verify" }) {
  const t = useTranslations("secondFactor");
  const te = useTranslations("errors");
  const tr = useTranslations("reasons");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ActionState<{ codes: string[] } | undefined>, FormData>(
    (mode === "enrol" ? confirmSecondFactorAction : verifySecondFactorAction) as never,
    idleState,
  );
  const codes = state.result?.codes;
  if (codes) {
    return (
      <div role="status" className="space-y-3">
        <h2 className="text-lg font-semibold">{t("codesTitle")}</h2>
        <p className="text-sm text-slate-700">{t("codesLead")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-sm" aria-label={t("codesTitle")}>
          {codes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1">
              {c}
            </li>
          ))}
        </ul>
        <Link href="/home" className="inline-flex min-h-10 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
          {t("continue")}
        </Link>
      </div>
    );
  }
  const refused = state.formError;
  const error = state.fieldErrors.code?.length
    ? te("second_factor_wrong")
    : refused?.kind === "rule" && refused.reason === "rate_limited"
      ? te("rate_limited")
      : refused?.kind === "rule"
      ? tr.has(refused.reason as "generic") ? tr(refused.reason as "generic") : tr("generic")
      : refused?.kind === "internal"
        ? te("internal", { ref: refused.ref })
        : null;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="locale" value={locale} />
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-slate-900">
          {mode === "enrol" ? t("codeLabelEnrol") : t("codeLabel")}
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          {mode === "enrol" ? t("codeHintEnrol") : t("codeHint")}
        </p>
        <input
          id="code"
          name="code"
          autoComplete="one-time-code"
          inputMode={mode === "enrol" ? "numeric" : "text"}
          required
          key={state.attempt}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-hint code-error" : "code-hint"}
          className="mt-1 block min-h-10 w-48 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono tracking-widest aria-invalid:border-red-600"
        />
        {error ? (
          <p id="code-error" role="alert" className="mt-1 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {mode === "enrol" ? t("confirm") : t("verify")}
      </Button>
    </form>
  );
}
