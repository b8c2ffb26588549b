/** Random case histories for property tests: every history is one the gate accepted. */
import { snapshot } from "../snapshot";
import fc from "fast-check";
import { caseView } from "../case-view";
import { decide } from "../transitions";
import { nextActions } from "../next-actions";
import { PARTIES, type LadderEvent, type Party } from "../events";
import type { CaseFacts } from "../facts";
import { facts, subject } from "./builders";

const START = Date.parse("2026-01-05T09:00:00Z");

/**
 * Builds a history by repeatedly letting a random party take a random allowed action after
 * a random delay: every history is one the gate accepted.
 */
export const history = fc
  .record({
    hrData: fc.boolean(),
    zone: fc.constantFrom("UTC", "America/New_York", "Europe/Berlin", "Pacific/Auckland"),
    steps: fc.array(fc.record({ party: fc.constantFrom(...PARTIES), pick: fc.nat(), hours: fc.integer({ min: 0, max: 24 * 40 }) }), { maxLength: 25 }),
  })
  .map(({ hrData, zone, steps }) => {
    let f: CaseFacts = facts([{ type: "case.filed", at: new Date(START), by: "complainant", data: {} }], { subject: subject({ hrData }), zones: { organisation: zone } });
    let t = START;
    for (const step of steps) {
      t += step.hours * 3600_000;
      const now = new Date(t);
      const allowed = nextActions(snapshot(f, now), step.party as Party).filter((a) => a.allowed);
      if (!allowed.length) continue;
      const choice = allowed[step.pick % allowed.length]!;
      const event = eventFor(f, step.party as Party, choice.action, choice.target, now);
      if (event && decide(snapshot(f, now), event).ok) f = { ...f, events: [...f.events, event] };
    }
    return { facts: f, end: new Date(t) };
  });

/** The concrete event an allowed action records (the same shape next-actions checks). */
export function eventFor(f: CaseFacts, by: Party, action: string, target: string | undefined, now: Date): LadderEvent | null {
  const view = caseView(f, by, now);
  const sample = view.actions.find((a) => a.action === action && a.target === target && a.allowed);
  if (!sample) return null;
  const due = new Date(now.getTime() + 20 * 86400_000);
  const proposed = view.state.arbitration?.proposed ?? [];
  const struck = Object.values(view.state.arbitration?.strikes ?? {}).flatMap((x) => x?.struck ?? []);
  const unstruck = proposed.filter((n) => !struck.includes(n));
  const data: Record<string, unknown> = {
    "complainant.info_provided": { to: target },
    "irm.eligibility_decided": { decision: "eligible" },
    "irm.info_requested": { from: target },
    "irm.info_received": { from: target },
    "irm.determined": { verdict: "upheld", remedies: [{ id: `r${f.events.length}`, kind: "delete", dueAt: due }] },
    "panel.commented": { from: by },
    "panel.advised": { verdict: "partly_upheld", remedies: [{ id: `r${f.events.length}`, kind: "correct", dueAt: due }] },
    "panel.referral_noticed": { kind: "ftc" },
    "commerce.concluded": { outcome: "unable_to_resolve" },
    "arbitration.arbitrators_proposed": { names: ["A", "B", "C", "D", "E"] },
    "arbitration.strikes_submitted": { side: by, struck: proposed.slice(0, 2), ranking: proposed.slice(2) },
    "arbitration.panel_constituted": { arbitrators: unstruck.length >= 3 ? unstruck.slice(0, 3) : unstruck.slice(0, 1) },
    "arbitration.hearing_scheduled": { hearingAt: due, mode: "phone" },
    "arbitration.awarded": { verdict: "upheld", remedies: [{ id: `r${f.events.length}`, kind: "access", dueAt: due }] },
    "organisation.resolution_proposed": { remedies: ["delete"] },
    "complainant.settled": { remedies: [{ id: `r${f.events.length}`, kind: "delete", dueAt: due }] },
    "remedy.complied": { remedyId: target, evidence: "proof" },
    "case.bar_recorded": { bar: "court_judgment" },
    "case.closed": { outcome: "closed" },
  };
  if (sample.event === "referral.status_changed") {
    const [referralId, status] = (target ?? "").includes(":") ? target!.split(":") : [`f${f.events.length}`, "proposed"];
    const referrer = view.state.referrals.find((r) => r.referralId === referralId)?.referrer ?? target;
    return { type: sample.event, at: now, by, data: { referralId, status, referrer } } as LadderEvent;
  }
  return { type: sample.event, at: now, by, data: data[sample.event] ?? {} } as LadderEvent;
}

