/**
 * R3.5 — the Notice that starts binding arbitration, pre-filled from the case: the steps of
 * R3.1 as the record shows them, the alleged violation, and the relief sought (non-monetary
 * only, R3.3). It is written in English: it is addressed to the U.S. organisation and the
 * panel. The complainant may edit it before sending.
 */
import { ARBITRATION_REMEDIES, type RemedyKind } from "@/lib/ladder";
import type { CaseDetail } from "./queries";

const day = (d: Date) => d.toISOString().slice(0, 10);
const PRINCIPLE_NAMES: Record<string, string> = {
  notice: "Notice",
  choice: "Choice",
  onward_transfer: "Accountability for Onward Transfer",
  security: "Security",
  data_integrity: "Data Integrity and Purpose Limitation",
  access: "Access",
  recourse: "Recourse, Enforcement and Liability",
};
const RELIEF_NAMES: Partial<Record<RemedyKind, string>> = { access: "access to my data", correct: "correction of my data", delete: "deletion of my data", return_data: "return of my data" };

export function arbitrationNotice(detail: CaseDetail): string {
  const s = detail.view.state;
  const lines = [`Notice of binding arbitration under Annex I — Recourse case ${detail.reference}`, `To: ${detail.organisation.name}`, ""];
  lines.push(
    `1. I raised this claim with ${detail.organisation.name} on ${day(s.filedAt!)}; ` +
      (s.organisation.respondedAt ? `it responded on ${day(s.organisation.respondedAt)}.` : "it did not respond within 45 days."),
  );
  if (s.irm) {
    lines.push(`2. I used the independent recourse mechanism (referred on ${day(s.irm.escalatedAt)})` + (s.irm.outcome ? `; outcome: ${s.irm.outcome.kind} on ${day(s.irm.outcome.at)}.` : "; it reached no outcome in its time."));
  }
  if (s.commerce?.referredAt) {
    lines.push(`3. My data protection authority referred the matter to the Department of Commerce on ${day(s.commerce.referredAt)}` + (s.commerce.outcome ? `; outcome: ${s.commerce.outcome.outcome.replaceAll("_", " ")}.` : "; its review period has ended."));
  }
  lines.push("", `Alleged violation of the Principles: ${detail.principles.map((p) => PRINCIPLE_NAMES[p] ?? p).join("; ")}.`, detail.description, "");
  const relief = detail.reliefSought.filter((r): r is RemedyKind => ARBITRATION_REMEDIES.includes(r as RemedyKind)).map((r) => RELIEF_NAMES[r]!);
  lines.push(`Relief sought (individual, non-monetary): ${relief.length ? relief.join(", ") : "access, correction, deletion or return of my data as the panel finds"}.`);
  return lines.join("\n");
}
