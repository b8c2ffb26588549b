import type { ReactNode } from "react";
import { cn } from "./cn";
import type { Tone } from "./badge";

const tones: Record<Tone, string> = {
  neutral: "bg-slate-50 ring-slate-200 text-slate-800",
  good: "bg-emerald-50 ring-emerald-200 text-emerald-900",
  warn: "bg-amber-50 ring-amber-200 text-amber-900",
  bad: "bg-red-50 ring-red-200 text-red-900",
  info: "bg-sky-50 ring-sky-200 text-sky-900",
};

/** A message block; `role="alert"` for what the user must notice now. */
export function Notice({ tone = "info", alert = false, children }: { tone?: Tone; alert?: boolean; children: ReactNode }) {
  return (
    <div role={alert ? "alert" : "status"} className={cn("mb-4 rounded-md p-4 text-sm ring-1", tones[tone])}>
      {children}
    </div>
  );
}
