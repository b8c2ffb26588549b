/**
 * One answer for a page: where the case stands, its clocks, the arbitration gate and each
 * party's next actions, computed once from the facts.
 */
import { arbitrationGate, type ArbitrationGate } from "./arbitration-gate";
import { foldCase, type CaseState } from "./case-state";
import { clocks, nextDeadline, type Clock } from "./clocks";
import { persistentFailure, referralProposals, type ReferralProposal } from "./enforcement";
import type { Party } from "./events";
import type { CaseFacts } from "./facts";
import { nextActions, type AvailableAction } from "./next-actions";
import { route, type Route } from "./routing";

export interface CaseView {
  state: CaseState;
  route: Route;
  clocks: Clock[];
  next: Clock | undefined;
  gate: ArbitrationGate;
  actions: AvailableAction[];
  referralProposals: ReferralProposal[];
  persistentFailure: boolean;
}

export function caseView(facts: CaseFacts, party: Party, now: Date): CaseView {
  const state = foldCase(facts.events);
  const all = clocks(facts, now, state);
  return {
    state,
    route: route(facts.subject, facts.certification, facts.claimsParticipation),
    clocks: all,
    next: nextDeadline(all),
    gate: arbitrationGate(facts, now, state),
    actions: nextActions(facts, party, now, state),
    referralProposals: referralProposals(state, now),
    persistentFailure: persistentFailure(state, now, facts.policy),
  };
}
