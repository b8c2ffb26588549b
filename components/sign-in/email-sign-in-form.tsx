"use client";
import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { requestMagicLink } from "@/lib/actions/auth-actions";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { Button } from "@/components/ui/button";

/** `next`: the page to come back to after signing in (the link in the mail leads there). */
export function EmailSignInForm({ next, email }: { next?: string; email?: string }) {
  const t = useTranslations("signIn");
  const te = useTranslations("errors");
  const locale = useLocale();
  const [state, action, pending] = useActionState<ActionState, FormData>(requestMagicLink, idleState);
  const refused = state.formError;
  const error = state.fieldErrors.email?.length
    ? te("invalid_email")
    : refused?.kind === "rule" && refused.reason === "rate_limited"
      ? te("rate_limited")
      : refused?.kind === "internal"
        ? te("internal", { ref: refused.ref })
        : null;
  const typed = [state.values.email ?? email ?? ""].flat()[0];
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-900">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={typed}
          key={state.attempt}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : undefined}
          className="mt-1 block min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 aria-invalid:border-red-600"
        />
        {error ? (
          <p id="email-error" role="alert" className="mt-1 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
