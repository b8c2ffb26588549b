/**
 * One case at one instant: its folded state, its route and its clocks, each worked out once and
 * handed to every rule that reads them. Deciding a step asks for the same clocks several times
 * (the gate's three conditions, a deadline's check); listing a party's next actions decides
 * each candidate against the same case; the sweep decides a breach for each missed clock.
 */
import { applyEvent, foldCase, type CaseState } from "./case-state";
import type { LadderEvent } from "./events";
import { computeClocks, type Clock } from "./clocks";
import type { CaseFacts } from "./facts";
import { route, type Route } from "./routing";

export interface CaseSnapshot {
  readonly facts: CaseFacts;
  readonly now: Date;
  readonly state: CaseState;
  readonly route: Route;
  /** Worked out on first read (most steps never look at a clock); not to be changed. */
  readonly clocks: readonly Clock[];
}

export function snapshot(facts: CaseFacts, now: Date, state: CaseState = foldCase(facts.events)): CaseSnapshot {
  const r = route(facts.subject, facts.certification, facts.claimsParticipation);
  let worked: readonly Clock[] | undefined;
  return {
    facts,
    now,
    state,
    route: r,
    get clocks() {
      return (worked ??= computeClocks(facts, state, r, now));
    },
  };
}

/** One clock of the snapshot by id. */
export function clockIn(snap: CaseSnapshot, id: string): Clock | undefined {
  return snap.clocks.find((c) => c.id === id);
}

/** The same case one event later, at the same instant: events are recorded in time order, so one more step of the fold is the fold of them all. */
export function advance(snap: CaseSnapshot, event: LadderEvent): CaseSnapshot {
  return snapshot({ ...snap.facts, events: [...snap.facts.events, event] }, snap.now, applyEvent(snap.state, event));
}
