/** Invariants of the ladder, checked over random event histories. */
import { snapshot } from "../snapshot";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { caseView } from "../case-view";
import { clocks } from "../clocks";
import { applyEvent, copyOf, foldCase, type CaseState } from "../case-state";
import { decide } from "../transitions";
import { nextActions } from "../next-actions";
import { PARTIES, type LadderEvent } from "../events";
import type { CaseFacts } from "../facts";
import { eventFor, history } from "./histories";

describe("ladder invariants", () => {
  it("a deadline never precedes its start event", () => {
    fc.assert(
      fc.property(history, ({ facts: f, end }) => {
        for (const c of clocks(f, end)) expect(c.dueAt.getTime()).toBeGreaterThanOrEqual(c.startedAt.getTime());
      }),
      { numRuns: 150 },
    );
  });

  it("no action is offered that the transition function would reject", () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...PARTIES), ({ facts: f, end }, party) => {
        for (const a of nextActions(snapshot(f, end), party).filter((x) => x.allowed)) {
          const event = eventFor(f, party, a.action, a.target, end);
          expect(event, a.action).not.toBeNull();
          expect(decide(snapshot(f, end), event!), `${party} ${a.action}`).toEqual({ ok: true });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("replaying the same events gives the same answer, whatever order they were loaded in", () => {
    fc.assert(
      fc.property(history, ({ facts: f, end }) => {
        // Storage may return events in any order across instants; within one instant, the
        // order they were recorded in (their sequence) is kept.
        const groups = new Map<number, LadderEvent[]>();
        for (const e of f.events) groups.set(e.at.getTime(), [...(groups.get(e.at.getTime()) ?? []), e]);
        const reversed = { ...f, events: [...groups.values()].reverse().flat() };
        expect(foldCase(reversed.events)).toEqual(foldCase(f.events));
        expect(clocks(reversed, end)).toEqual(clocks(f, end));
        expect(caseView(f, "complainant", end)).toEqual(caseView(f, "complainant", end));
      }),
      { numRuns: 100 },
    );
  });

  it("the fold (in place) equals applying each event to a copy, and leaves earlier states as they were", () => {
    fc.assert(
      fc.property(history, ({ facts: f }) => {
        let state = foldCase([]);
        const seen: { state: CaseState; copy: CaseState }[] = [];
        for (const event of f.events) {
          seen.push({ state, copy: structuredClone(state) });
          state = applyEvent(state, event);
        }
        expect(foldCase(f.events)).toEqual(state);
        for (const { state: earlier, copy } of seen) expect(earlier).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });

  it("copyOf copies a folded state as structuredClone does and shares no object or date with it", () => {
    const objects = (value: unknown, into: Set<object> = new Set()): Set<object> => {
      if (value && typeof value === "object") {
        into.add(value);
        if (!(value instanceof Date)) for (const inner of Object.values(value)) objects(inner, into);
      }
      return into;
    };
    fc.assert(
      fc.property(history, ({ facts: f }) => {
        const state = foldCase(f.events);
        const copy = copyOf(state);
        expect(copy).toEqual(structuredClone(state));
        const original = objects(state);
        for (const o of objects(copy)) expect(original.has(o)).toBe(false);
      }),
      { numRuns: 100 },
    );
    expect(() => copyOf({ at: new Map() })).toThrow(TypeError);
  });

  it("R2.3: no event un-misses a clock", () => {
    fc.assert(
      fc.property(history, ({ facts: f, end }) => {
        const final = new Map(clocks(f, end).map((c) => [c.id, c]));
        for (let k = 1; k <= f.events.length; k++) {
          const prefix = { ...f, events: f.events.slice(0, k) };
          const t = f.events[k - 1]!.at;
          for (const c of clocks(prefix, t).filter((x) => x.state === "missed")) {
            expect(final.get(c.id)?.state, c.id).toBe("missed");
            expect(final.get(c.id)?.dueAt.getTime(), c.id).toBe(c.dueAt.getTime());
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("R2.4: a body closing its rung never takes a later step away from the complainant", () => {
    const later = ["request_commerce_review", "escalate_to_panel", "invoke_arbitration"];
    const allowed = (f: CaseFacts, t: Date) => new Set(nextActions(snapshot(f, t), "complainant").filter((a) => a.allowed && later.includes(a.action)).map((a) => a.action));
    let closings = 0;
    fc.assert(
      fc.property(history, ({ facts: f }) => {
        f.events.forEach((e, k) => {
          if (e.type !== "case.closed" || e.by === "administrator") return;
          closings++;
          const before = allowed({ ...f, events: f.events.slice(0, k) }, e.at);
          const after = allowed({ ...f, events: f.events.slice(0, k + 1) }, e.at);
          for (const action of before) expect(after.has(action), action).toBe(true);
        });
      }),
      // A closing needs its body's earlier steps (an IRM's eligibility first), so few histories reach one: enough runs that some always do.
      { numRuns: 600 },
    );
    expect(closings).toBeGreaterThan(0);
  });

  it("histories reach beyond the first rung (the generator is not vacuous)", () => {
    const rungs = new Set(fc.sample(history, 300).map(({ facts: f }) => foldCase(f.events).rung));
    expect(rungs.size).toBeGreaterThanOrEqual(4);
  });
});
