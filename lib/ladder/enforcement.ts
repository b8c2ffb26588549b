/**
 * R4.1, R4.2, R4.3 — referrals to the FTC, delisting, and remedies tracked until carried out.
 */
import type { CaseState, RemedySource, TrackedRemedy } from "./case-state";
import type { ReferralStatus, Referrer } from "./events";
import { DAY_MS } from "./calendar";
import { resolvePolicy, type LadderPolicy } from "./policy";

/** R4.1: the register's state machine. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  proposed: ["referred"],
  referred: ["acknowledged"],
  acknowledged: ["under_review"],
  under_review: ["action_taken", "closed_without_action"],
  action_taken: [],
  closed_without_action: [],
};

export function canMoveReferral(from: ReferralStatus | null, to: ReferralStatus): boolean {
  return from === null ? to === "proposed" : REFERRAL_TRANSITIONS[from].includes(to);
}

export type RemedyStatus = "pending" | "complied" | "complied_late" | "overdue";

/** R4.3: each ordered remedy with where it stands. */
export function remedyStatus(remedy: TrackedRemedy, now: Date): RemedyStatus {
  if (remedy.compliedAt) return remedy.compliedAt.getTime() <= remedy.dueAt.getTime() ? "complied" : "complied_late";
  return now.getTime() > remedy.dueAt.getTime() ? "overdue" : "pending";
}

/**
 * Who refers a missed remedy to the FTC (R2.4: the IRM; R2.6: the panel; Commerce for an
 * award). A settlement's agreed remedies were ordered by no body: they are tracked and shown
 * overdue, and no referral is proposed for them.
 */
export const REFERRER_FOR: Partial<Record<RemedySource, Referrer>> = {
  irm: "irm",
  dpa_panel: "dpa_panel",
  arbitration: "commerce",
};

export interface ReferralProposal {
  rule: "R4.1";
  referrer: Referrer;
  /** The remedies' source, or `commerce_review` for an organisation that left Commerce's referral unresolved (R2.7). */
  source: RemedySource | "commerce_review";
  remedyIds: string[];
}

/**
 * R4.3 → R4.1: a missed remedy prompts a referral by the body that ordered it, unless that
 * body already has one on the case. R2.7: Commerce may refer an organisation that left its
 * referral unresolved.
 */
export function referralProposals(state: CaseState, now: Date): ReferralProposal[] {
  const bySource = new Map<RemedySource, string[]>();
  for (const remedy of state.remedies) {
    if (!REFERRER_FOR[remedy.source] || remedyStatus(remedy, now) !== "overdue") continue;
    bySource.set(remedy.source, [...(bySource.get(remedy.source) ?? []), remedy.id]);
  }
  const proposals: ReferralProposal[] = [...bySource.entries()].map(([source, remedyIds]) => ({ rule: "R4.1", referrer: REFERRER_FOR[source]!, source, remedyIds }));
  if (state.commerce?.outcome?.outcome === "unable_to_resolve" && !proposals.some((p) => p.referrer === "commerce")) {
    proposals.push({ rule: "R4.1", referrer: "commerce", source: "commerce_review", remedyIds: [] });
  }
  return proposals.filter((p) => !state.referrals.some((r) => r.referrer === p.referrer));
}

/**
 * R4.2: persistent failure to comply — a final determination of an IRM or a government body
 * (the DPA panel) still not carried out a policy period after it was due, or a panel's notice
 * of delisting. Commerce then removes the organisation from the list.
 */
/**
 * R4.2: whose final determinations count towards persistent failure — an IRM's or a government
 * body's (the DPA panel). An award is enforced by the courts, and a settlement was ordered by
 * no body; lateness alone prompts referral steps instead (R4.3). The sweep selects by this list.
 */
export const PERSISTENT_FAILURE_SOURCES: readonly RemedySource[] = ["irm", "dpa_panel"];

export function persistentFailure(state: CaseState, now: Date, overrides?: Partial<LadderPolicy>): boolean {
  const grace = resolvePolicy(overrides).persistentFailureAfterDays * DAY_MS;
  const refused = state.remedies.some(
    (r) => PERSISTENT_FAILURE_SOURCES.includes(r.source) && !r.compliedAt && now.getTime() > r.dueAt.getTime() + grace,
  );
  return refused || (state.panel?.referralNotices.some((n) => n.kind === "delisting") ?? false);
}

/** R4.1: the statuses a referral may take next from `status`, in the register's order. */
export function nextReferralStatuses(status: ReferralStatus): readonly ReferralStatus[] {
  return REFERRAL_TRANSITIONS[status];
}

/** R4.1: a referral is made once it left "proposed": the body actually referred the matter. */
export function referralMade(status: ReferralStatus): boolean {
  return status !== "proposed";
}

/**
 * R4.2 with R4.1: the register offers removal from the list only for an organisation with a
 * referral made, never on a proposal alone; the administrator then confirms it with a reason.
 */
export function mayDelist(referralStatuses: readonly ReferralStatus[]): boolean {
  return referralStatuses.some(referralMade);
}
