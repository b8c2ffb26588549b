/**
 * R2.4, R3.3 — the remedies a body may order, and which of them arbitration may grant.
 */
export const REMEDY_KINDS = [
  "reverse_effects",
  "correct",
  "stop_processing",
  "delete",
  "access",
  "return_data",
  "publicity",
  "remove_seal",
  "compensation",
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** R3.3: individual-specific, non-monetary equitable relief only. */
export const ARBITRATION_REMEDIES: readonly RemedyKind[] = ["access", "correct", "delete", "return_data"];

export type ForbiddenRemedy = { kind: RemedyKind; reason: "monetary" | "not_individual_relief" };

export function arbitrationRemedies(): { allowed: RemedyKind[]; forbidden: ForbiddenRemedy[] } {
  const allowed = [...ARBITRATION_REMEDIES];
  const forbidden = REMEDY_KINDS.filter((kind) => !ARBITRATION_REMEDIES.includes(kind)).map(
    (kind): ForbiddenRemedy => ({ kind, reason: kind === "compensation" ? "monetary" : "not_individual_relief" }),
  );
  return { allowed, forbidden };
}

/** A remedy ordered by a determination, an advice or an award, tracked until carried out (R4.3). */
export interface OrderedRemedy {
  id: string;
  kind: RemedyKind;
  dueAt: Date;
  description?: string;
}
