/**
 * R2.1, R2.3, R2.6, R2.7, R3.5, R4.3 — every clock that runs on a case, computed from its
 * events and `now`.
 */
import { calendarDaysLeft, deadlineAfter, pauseDays } from "./calendar";
import { foldCase, type CaseState, type Interval } from "./case-state";
import type { ClockKind, Party } from "./events";
import { zoneOf, type CaseFacts } from "./facts";
import { FRAMEWORK_CLOCKS, resolvePolicy, type LadderPolicy, type ProviderClockPolicy, type Span } from "./policy";
import { route, type Route } from "./routing";

export type ClockState = "running" | "paused" | "met" | "missed" | "stopped";

export interface Clock {
  /** Stable id: the kind, or `remedy:<id>` for a remedy. */
  id: string;
  kind: ClockKind;
  rule: string;
  /** The party that must act before the clock runs out. */
  party: Party;
  span: Span | null;
  /** Whether the figure is a Recourse policy rather than a framework rule. */
  policy: boolean;
  /** A target, not a deadline (R2.6's 60 days): shown, never recorded as a breach. */
  aim: boolean;
  startedAt: Date;
  dueAt: Date;
  state: ClockState;
  /** Calendar days from today to the due day in the party's zone; negative once past. */
  daysLeft: number;
  completedAt: Date | null;
  /** Completed after its due instant. */
  late: boolean;
  pausedDays: number;
  zone: string;
}

/** What a clock is before `now` is applied: its rule, start and how its due date is found. */
type ClockSpec = Pick<Clock, "id" | "kind" | "rule" | "party" | "span" | "policy" | "startedAt" | "completedAt" | "zone"> & {
  /** Fixed due instant (remedies); otherwise computed from the span. */
  dueAt?: Date;
  pauses?: Interval[];
  aim?: boolean;
  /** When the body closed its rung (R2.4): an unfinished clock of that rung stops there. */
  stoppedAt?: Date;
};

export function providerPolicy(facts: CaseFacts, providerId: string | null): ProviderClockPolicy {
  const policy = resolvePolicy(facts.policy);
  return (providerId && facts.providers?.[providerId]) || policy.providerDefault;
}

/** One timeframe a body works to, as `specs` below applies it. */
export interface BodyTimeframe {
  kind: ClockKind | "panel.comment_window";
  rule: string;
  span: Span;
  /** framework: fixed by the texts; policy: Recourse's default; body: the body's own published timeframe (R2.3). */
  source: "framework" | "policy" | "body";
  /** A target shown as such, never a breach (R2.6). */
  aim?: boolean;
  /** The clock stops while the body awaits the complainant (R2.3). */
  pausesWhileAwaitingComplainant?: boolean;
}

/**
 * The timeframes the clocks of a body in `party`'s place run to, from the same figures `specs`
 * uses: an IRM's own published clocks (`own`) or the defaults, the panel's framework clocks and
 * comment window, Commerce's window, arbitration's. A national DPA keeps no clock of its own.
 */
export function bodyTimeframes(party: Party, own: ProviderClockPolicy | null, overrides?: Partial<LadderPolicy>): BodyTimeframe[] {
  const policy = resolvePolicy(overrides);
  switch (party) {
    case "irm": {
      const provider = own ?? policy.providerDefault;
      const source = own ? "body" : "policy";
      return [
        { kind: "irm.acknowledgment", rule: "R2.3", span: provider.acknowledge, source },
        { kind: "irm.determination", rule: "R2.3", span: provider.determination, source, pausesWhileAwaitingComplainant: provider.pausesWhileAwaitingComplainant },
      ];
    }
    case "dpa_panel":
      return [
        { kind: "panel.advice", rule: "R2.6", span: FRAMEWORK_CLOCKS.panelAdvice, source: "framework", aim: true },
        { kind: "panel.comment_window", rule: "R2.6", span: policy.panelCommentWindow, source: "policy" },
        { kind: "panel.compliance", rule: "R2.6", span: FRAMEWORK_CLOCKS.panelCompliance, source: "framework" },
      ];
    case "commerce":
      return [{ kind: "commerce.review", rule: "R2.7", span: policy.commerceReview, source: "policy" }];
    case "arbitration":
      return [{ kind: "arbitration.conclusion", rule: "R3.5", span: policy.arbitrationConclusion, source: "policy" }];
    default:
      return [];
  }
}

/** The clock specifications that apply to a case in its current state, on its route. */
function specs(facts: CaseFacts, s: CaseState, r: Route): ClockSpec[] {
  const policy = resolvePolicy(facts.policy);
  const out: ClockSpec[] = [];
  if (!s.filedAt) return out;
  const orgZone = zoneOf(facts, "organisation");
  // R2.1: the organisation's clocks run from its receipt of the complaint.
  const receivedAt = s.organisation.receivedAt;

  if (receivedAt) out.push({
    id: "organisation.acknowledgment",
    kind: "organisation.acknowledgment",
    rule: "R2.1",
    party: "organisation",
    span: facts.organisationAcknowledge ?? policy.organisationAcknowledge,
    policy: true,
    startedAt: receivedAt!,
    completedAt: s.organisation.acknowledgedAt,
    zone: orgZone,
  });
  if (receivedAt) out.push({
    id: "organisation.response",
    kind: "organisation.response",
    rule: "R2.1",
    party: "organisation",
    span: FRAMEWORK_CLOCKS.organisationResponse,
    policy: false,
    startedAt: receivedAt!,
    completedAt: s.organisation.respondedAt,
    zone: orgZone,
  });

  if (s.irm) {
    const providerId = r.applies && r.irm?.kind === "adr" ? r.irm.providerId : null;
    const provider = providerPolicy(facts, providerId);
    const zone = zoneOf(facts, "irm");
    out.push({
      id: "irm.acknowledgment",
      kind: "irm.acknowledgment",
      rule: "R2.3",
      party: "irm",
      span: provider.acknowledge,
      policy: true,
      startedAt: s.irm.escalatedAt,
      completedAt: s.irm.acknowledgedAt,
      stoppedAt: s.irm.closed?.at,
      zone,
    });
    out.push({
      id: "irm.determination",
      kind: "irm.determination",
      rule: "R2.3",
      party: "irm",
      span: provider.determination,
      policy: true,
      startedAt: s.irm.escalatedAt,
      completedAt: s.irm.outcome?.at ?? null,
      pauses: provider.pausesWhileAwaitingComplainant ? s.irm.awaitingComplainant : [],
      stoppedAt: s.irm.closed?.at,
      zone,
    });
  }

  if (s.panel) {
    const zone = zoneOf(facts, "dpa_panel");
    out.push({
      id: "panel.advice",
      kind: "panel.advice",
      rule: "R2.6",
      party: "dpa_panel",
      span: FRAMEWORK_CLOCKS.panelAdvice,
      policy: false,
      startedAt: s.panel.escalatedAt,
      completedAt: s.panel.advisedAt,
      aim: true,
      stoppedAt: s.panel.closed?.at,
      zone,
    });
    const ordered = s.remedies.filter((r) => r.source === "dpa_panel");
    if (s.panel.advisedAt && ordered.length) {
      const allComplied = ordered.every((r) => r.compliedAt);
      out.push({
        id: "panel.compliance",
        kind: "panel.compliance",
        rule: "R2.6",
        party: "organisation",
        span: FRAMEWORK_CLOCKS.panelCompliance,
        policy: false,
        startedAt: s.panel.advisedAt,
        completedAt: allComplied ? new Date(Math.max(...ordered.map((r) => r.compliedAt!.getTime()))) : null,
        zone: orgZone,
      });
    }
  }

  if (s.commerce?.referredAt) {
    out.push({
      id: "commerce.review",
      kind: "commerce.review",
      rule: "R2.7",
      party: "commerce",
      span: policy.commerceReview,
      policy: true,
      startedAt: s.commerce.referredAt,
      completedAt: s.commerce.outcome?.at ?? null,
      stoppedAt: s.commerce.closed?.at,
      zone: zoneOf(facts, "commerce"),
    });
  }

  if (s.arbitration?.noticeDeliveredAt) {
    out.push({
      id: "arbitration.conclusion",
      kind: "arbitration.conclusion",
      rule: "R3.5",
      party: "arbitration",
      span: policy.arbitrationConclusion,
      policy: true,
      startedAt: s.arbitration.noticeDeliveredAt,
      completedAt: s.arbitration.awardedAt,
      stoppedAt: s.arbitration.closed?.at,
      zone: zoneOf(facts, "arbitration"),
    });
  }

  for (const remedy of s.remedies) {
    out.push({
      id: `remedy:${remedy.id}`,
      kind: "remedy",
      rule: "R4.3",
      party: "organisation",
      span: null,
      policy: false,
      startedAt: remedy.orderedAt,
      dueAt: remedy.dueAt,
      completedAt: remedy.compliedAt,
      zone: orgZone,
    });
  }
  return out;
}

/**
 * The due instant with its pauses (R2.3). Only a pause that begins while the clock still runs
 * moves it: a missed deadline stays missed, whatever is asked afterwards. A pause still open
 * runs to now, so the due date shown is provisional until it ends.
 */
function withPauses(spec: ClockSpec, now: Date): { dueAt: Date; pausedDays: number; paused: boolean } {
  let pausedDays = 0;
  let dueAt = spec.dueAt ?? deadlineAfter(spec.startedAt, spec.span!, spec.zone);
  let paused = false;
  for (const p of [...(spec.pauses ?? [])].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    if (p.from.getTime() > dueAt.getTime()) break;
    pausedDays += pauseDays(p.from, p.to ?? now);
    dueAt = deadlineAfter(spec.startedAt, spec.span!, spec.zone, pausedDays);
    if (p.to === null) paused = true;
  }
  return { dueAt, pausedDays, paused };
}

/** When the clock stopped running unfinished: the case closed, or the body closed its rung. A clock that ran out first stays missed. */
function stoppedAt(spec: ClockSpec, s: CaseState): Date | undefined {
  const times = [s.closed?.at, spec.stoppedAt].filter((d): d is Date => !!d);
  return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : undefined;
}

function evaluate(spec: ClockSpec, s: CaseState, now: Date): Clock {
  const { dueAt, pausedDays, paused: pauseOpen } = withPauses(spec, now);
  const paused = pauseOpen && !spec.completedAt;
  const completedAt = spec.completedAt;
  const stopped = spec.kind === "remedy" ? undefined : stoppedAt(spec, s);
  let state: ClockState;
  if (completedAt) state = completedAt.getTime() <= dueAt.getTime() ? "met" : "missed";
  else if (s.breachedClocks.includes(spec.id)) state = "missed";
  else if (stopped) state = stopped.getTime() <= dueAt.getTime() ? "stopped" : "missed";
  else if (paused) state = "paused";
  else state = now.getTime() <= dueAt.getTime() ? "running" : "missed";
  return {
    id: spec.id,
    kind: spec.kind,
    rule: spec.rule,
    party: spec.party,
    span: spec.span,
    policy: spec.policy,
    aim: spec.aim ?? false,
    startedAt: spec.startedAt,
    dueAt,
    state,
    daysLeft: calendarDaysLeft(now, dueAt, spec.zone),
    completedAt,
    late: !!completedAt && completedAt.getTime() > dueAt.getTime(),
    pausedDays,
    zone: spec.zone,
  };
}

/**
 * Every clock of a case at `now`, on its route. The ladder's own rules read them from one
 * CaseSnapshot (snapshot.ts), which computes them once.
 */
export function computeClocks(facts: CaseFacts, state: CaseState, r: Route, now: Date): Clock[] {
  return specs(facts, state, r).map((spec) => evaluate(spec, state, now));
}

/** Every clock of a case at `now`. */
export function clocks(facts: CaseFacts, now: Date, state: CaseState = foldCase(facts.events)): Clock[] {
  return computeClocks(facts, state, route(facts.subject, facts.certification, facts.claimsParticipation), now);
}

/** One clock by id. */
export function clock(facts: CaseFacts, id: string, now: Date, state: CaseState = foldCase(facts.events)): Clock | undefined {
  return clocks(facts, now, state).find((c) => c.id === id);
}

/** The rung on which a clock's step is owed, by its id; remedies are owed on any rung (R4.3). */
const RUNG_OF_CLOCK: Record<string, CaseState["rung"]> = { organisation: "organisation", irm: "irm", panel: "dpa_panel", commerce: "commerce", arbitration: "arbitration" };

/**
 * The due date a case is sorted and filtered by in queues: the earliest step still owed. A
 * clock that ran out is still owed while the case stays on its rung (the company that let its
 * 45 days pass still owes its answer until the complainant moves on), and a remedy until it
 * is carried out; so an overdue case sorts first and reads as overdue. A step that ran out
 * does not change this date, which also spares the case row a rewrite of its indexes.
 */
export function owedDeadline(all: readonly Clock[], state: CaseState): Clock | undefined {
  const owed = (c: Clock) => {
    if (c.state === "running" || c.state === "paused") return true;
    if (c.state !== "missed" || c.completedAt) return false;
    // A missed acknowledgment stays on the record, but what is owed next is the answer itself.
    if (c.kind === "organisation.acknowledgment" || c.kind === "irm.acknowledgment") return false;
    return c.kind === "remedy" || RUNG_OF_CLOCK[c.id.split(".")[0]!] === state.rung;
  };
  return all.filter(owed).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
}

/** The clock a party should look at next: the earliest due that is still running or paused. */
export function nextDeadline(all: readonly Clock[], party?: Party): Clock | undefined {
  return all
    .filter((c) => (c.state === "running" || c.state === "paused") && (!party || c.party === party))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
}

/**
 * The deadlines a party missed on the case, as its record keeps them: each of its clocks that ran
 * out, or whose step came late (R2.3: a missed deadline stays missed). An aim is no deadline (R2.6).
 */
export function missedDeadlines(all: readonly Clock[], party: Party): Clock[] {
  return all.filter((c) => c.party === party && c.state === "missed" && !c.aim);
}
