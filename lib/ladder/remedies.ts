/**
 * R2.4, R3.3 — the remedies a body may order, and which of them arbitration may grant.
 */
import { endOfDayIn } from "./calendar";

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

/**
 * R3.3: individual-specific, non-monetary equitable relief only, "such as" access,
 * correction, deletion or return of the data. The list is illustrative: stopping the
 * processing of the individual's data is such relief too, and an award may describe another.
 */
export const ARBITRATION_REMEDIES: readonly RemedyKind[] = ["access", "correct", "delete", "return_data", "stop_processing", "reverse_effects"];

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

/** R3.3: what an arbitration Notice may not ask for. */
export type MonetaryDemand = "damages" | "fees" | "costs";

/**
 * Words by which a Notice asks for money, in the languages complainants write in. A Notice is
 * free text, so this finds the demand for the complainant to see, refused with its reason;
 * it never rewrites what they wrote.
 */
const MONETARY_WORDS: Record<MonetaryDemand, RegExp> = {
  damages: /\b(damages|compensation|indemnit\w*|schadens?ersatz|entschädigung|schmerzensgeld|dommages?(?:[- ]intérêts)?|réparation pécuniaire)\b|[€$£]\s?\d|\d\s?(?:€|(?:eur|euros?|usd|dollars?|chf|gbp)\b)/iu,
  fees: /\b(fees|honorar\w*|gebühren|anwaltsgebühren|honoraires)\b/iu,
  costs: /\b(costs|kosten|verfahrenskosten|frais|dépens)\b/iu,
};

export function monetaryDemands(notice: string): MonetaryDemand[] {
  return (Object.keys(MONETARY_WORDS) as MonetaryDemand[]).filter((kind) => MONETARY_WORDS[kind].test(notice));
}

/** R3.3: the payload of an invocation, with the Notice's monetary demands refused. */
export function arbitrationInvocation(notice: string): { refused?: MonetaryDemand[] } {
  const refused = monetaryDemands(notice);
  return refused.length ? { refused } : {};
}

/**
 * R4.3: a remedy is due by the end of its day in the acting party's zone (the organisation
 * carries remedies out). Forms give days; this anchors each to that party's end of day.
 */
export function anchorRemedies<T>(data: T, zone: string): T {
  const remedies = (data as { remedies?: unknown })?.remedies;
  if (!Array.isArray(remedies) || !remedies.every((r) => r && typeof r === "object" && (r as { dueAt?: unknown }).dueAt instanceof Date)) return data;
  return { ...data, remedies: (remedies as OrderedRemedy[]).map((r) => ({ ...r, dueAt: endOfDayIn(r.dueAt, zone) })) };
}
