import type { ReactNode } from "react";
import { SubmitButton } from "./submit-button";

/**
 * A step that cannot be undone, inside its form: it opens first, says what will happen, and
 * only its button submits (the pattern of the case page's irreversible steps).
 */
export function ConfirmDisclosure({ summary, consequence, confirmLabel, busyLabel, danger = false }: { summary: ReactNode; consequence: ReactNode; confirmLabel: string; busyLabel: string; danger?: boolean }) {
  return (
    <details className="rounded-md ring-1 ring-slate-300">
      <summary className={`cursor-pointer rounded-md px-3 py-1 text-sm font-medium ${danger ? "text-red-800" : "text-slate-900"}`}>{summary}</summary>
      <div className="space-y-2 p-3">
        <p className="text-sm text-slate-700">{consequence}</p>
        <SubmitButton busyLabel={busyLabel} variant={danger ? "danger" : "primary"} className="min-h-8 px-2 py-1">
          {confirmLabel}
        </SubmitButton>
      </div>
    </details>
  );
}
