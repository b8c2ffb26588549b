import type { getTranslations } from "next-intl/server";
import { statusSourceOf } from "@/lib/directory/status-source";

/** A certification status's source for this reader: Recourse's own sources in the reader's words, an administrator's as typed. `day` writes a YYYY-MM-DD day. */
export function statusSourceText(t: Awaited<ReturnType<typeof getTranslations<"statusSource">>>, source: string, day: (d: string) => string): string {
  const s = statusSourceOf(source);
  if (s.kind === "text") return s.text;
  if (s.kind === "participant_list") return t("participant_list", { date: day(s.day) });
  return t(s.kind);
}
