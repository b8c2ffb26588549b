/**
 * The figures of the ladder. Framework rules are constants; policies (DOMAIN.md "Policy")
 * are defaults that an organisation, a provider or the administrator may override, and the
 * UI shows them as such.
 */

export type DayUnit = "calendar" | "working";
export interface Span {
  days: number;
  unit: DayUnit;
}

/** Framework rules: not configurable. */
export const FRAMEWORK_CLOCKS = {
  /** R2.1: the organisation responds within 45 days of receiving the complaint; no pause. */
  organisationResponse: { days: 45, unit: "calendar" },
  /** R2.6: the DPA panel aims to advise within 60 days of receiving the complaint (an aim, never a breach). */
  panelAdvice: { days: 60, unit: "calendar" },
  /** R2.6: the organisation complies within 25 days of the advice. */
  panelCompliance: { days: 25, unit: "calendar" },
} as const satisfies Record<string, Span>;

/** R2.3: one provider's own clocks. */
export interface ProviderClockPolicy {
  acknowledge: Span;
  determination: Span;
  /** Whether the determination clock stops while the provider awaits the complainant. */
  pausesWhileAwaitingComplainant: boolean;
}

export interface LadderPolicy {
  /** R2.1 policy: acknowledgment expected within 5 working days. */
  organisationAcknowledge: Span;
  /** R2.3 defaults for a provider that publishes no timeframe of its own. */
  providerDefault: ProviderClockPolicy;
  /** R2.7 policy: Commerce's window (reported figure, not verified in the text). */
  commerceReview: Span;
  /** R3.5 policy: arbitration concludes within 90 days of the Notice being delivered. */
  arbitrationConclusion: Span;
  /**
   * R2.6 policy: how long each side has to comment before the panel may advise without that
   * side's comments ("a reasonable opportunity"); the panel may advise earlier once both commented.
   */
  panelCommentWindow: Span;
  /** R4.2 policy: days past a remedy's due date after which non-compliance counts as persistent. */
  persistentFailureAfterDays: number;
  /** Reminder thresholds in days before a due date (0 = at breach). */
  reminderThresholds: number[];
}

export const DEFAULT_POLICY: LadderPolicy = {
  organisationAcknowledge: { days: 5, unit: "working" },
  providerDefault: {
    acknowledge: { days: 5, unit: "working" },
    determination: { days: 45, unit: "calendar" },
    pausesWhileAwaitingComplainant: true,
  },
  commerceReview: { days: 90, unit: "calendar" },
  arbitrationConclusion: { days: 90, unit: "calendar" },
  panelCommentWindow: { days: 14, unit: "calendar" },
  persistentFailureAfterDays: 30,
  reminderThresholds: [7, 1, 0],
};

export function resolvePolicy(overrides: Partial<LadderPolicy> | undefined): LadderPolicy {
  return { ...DEFAULT_POLICY, ...overrides };
}
