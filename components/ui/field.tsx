import type { ReactNode } from "react";

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of radios or checkboxes with a legend, hint and error. */
export function FieldSet({ id, legend, hint, error, children }: { id: string; legend: ReactNode; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <fieldset className="space-y-2" aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-900">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export const inputClass = "block min-h-10 w-full rounded-md border border-slate-400 bg-white px-3 py-2 aria-invalid:border-red-700 aria-invalid:ring-1 aria-invalid:ring-red-700";
