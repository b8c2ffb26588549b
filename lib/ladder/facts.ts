/**
 * Everything the ladder needs to know about one case, gathered by the data layer.
 */
import type { Certification } from "./certification";
import type { LadderEvent } from "./events";
import type { LadderPolicy, ProviderClockPolicy, Span } from "./policy";
import type { CaseSubject } from "./routing";

export interface CaseFacts {
  subject: CaseSubject;
  /** The organisation's certification under the case's framework, as it stood at filing. */
  certification: Certification | undefined;
  claimsParticipation?: boolean;
  /** Clock policies of ADR providers by id (R2.3); a provider not listed gets the defaults. */
  providers?: Record<string, ProviderClockPolicy>;
  /** Per-organisation override of the acknowledgment expectation (R2.1 policy). */
  organisationAcknowledge?: Span;
  /**
   * R2.2, per organisation: its policy sends individuals to the IRM when they receive no
   * timely acknowledgment (all three seed participants do).
   */
  irmOnMissedAcknowledgment?: boolean;
  /** IANA zones in which each party's days are counted; UTC where unknown. */
  zones?: Partial<Record<"organisation" | "irm" | "dpa_panel" | "commerce" | "arbitration", string>>;
  policy?: Partial<LadderPolicy>;
  events: readonly LadderEvent[];
}

export function zoneOf(facts: CaseFacts, party: keyof NonNullable<CaseFacts["zones"]>): string {
  return facts.zones?.[party] ?? "UTC";
}
