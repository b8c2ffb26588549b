/**
 * One answer for a page: where the case stands, its clocks, the arbitration gate and each
 * party's next actions, computed once from the facts.
 */
import { arbitrationGate, type ArbitrationGate } from "./arbitration-gate";
import type { CaseState } from "./case-state";
import { nextDeadline, type Clock } from "./clocks";
import { persistentFailure, referralProposals, type ReferralProposal } from "./enforcement";
import type { Party } from "./events";
import type { CaseFacts } from "./facts";
import { CLIMBS, nextActions, type ActionId, type AvailableAction } from "./next-actions";
import type { Route } from "./routing";
import { snapshot } from "./snapshot";

export interface CaseView {
  state: CaseState;
  route: Route;
  clocks: Clock[];
  next: Clock | undefined;
  gate: ArbitrationGate;
  actions: AvailableAction[];
  /** The climbs the complainant may take now, whoever reads: the status names the rung that opened to every party. */
  climbs: ActionId[];
  referralProposals: ReferralProposal[];
  persistentFailure: boolean;
}

const CLIMB_ACTIONS = CLIMBS.map((c) => c.action);

export function caseView(facts: CaseFacts, party: Party, now: Date): CaseView {
  const snap = snapshot(facts, now);
  const { state } = snap;
  const all = [...snap.clocks];
  return {
    state,
    route: snap.route,
    clocks: all,
    next: nextDeadline(all),
    gate: arbitrationGate(snap),
    actions: nextActions(snap, party),
    climbs: nextActions(snap, "complainant", CLIMB_ACTIONS).filter((a) => a.allowed).map((a) => a.action),
    referralProposals: referralProposals(state, now),
    persistentFailure: persistentFailure(state, now, facts.policy),
  };
}
