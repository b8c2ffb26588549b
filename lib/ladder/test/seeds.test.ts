/**
 * The five organisations of shared/seeds, each walked through its real ladder or refused
 * with the right explanation.
 */
import { snapshot } from "../snapshot";
import { describe, expect, it } from "vitest";
import { ORGANISATIONS } from "@/db/seed/directory";
import { caseView } from "../case-view";
import { decide } from "../transitions";
import { route, inferFramework } from "../routing";
import type { LadderEvent } from "../events";
import type { CaseFacts } from "../facts";
import { at, ev } from "./builders";

const org = (slug: string) => ORGANISATIONS.find((o) => o.slug === slug)!;

/** Records events through the gate, failing the test on the first refusal. */
function walk(base: Omit<CaseFacts, "events">, steps: LadderEvent[]): CaseFacts {
  const events: LadderEvent[] = [];
  for (const step of steps) {
    const d = decide(snapshot({ ...base, events }, step.at), step);
    expect(d, `${step.type} at ${step.at.toISOString()}`).toEqual({ ok: true });
    events.push(step);
  }
  return { ...base, events };
}

function baseFacts(slug: string, country: string, hrData: boolean): Omit<CaseFacts, "events"> {
  const o = org(slug);
  const framework = inferFramework(o.certifications, country)!;
  return {
    subject: { framework, hrData, complainantCountry: country, dataSubject: "self" },
    certification: o.certifications.find((c) => c.framework === framework),
    claimsParticipation: o.claimsParticipation,
    zones: { organisation: o.timeZone },
  };
}

describe("the seeds' organisations (DOMAIN.md §7)", () => {
  it("SessionM: JAMS, then Commerce, then arbitration before a Privacy Shield Panel", () => {
    const base = baseFacts("sessionm", "IS", false);
    expect(base.subject.framework).toBe("eu-us-ps");
    const r = route(base.subject, base.certification);
    expect(r.applies && r.irm).toEqual({ kind: "adr", providerId: "jams" });
    const f = walk(base, [
      ev("case.filed", "2026-01-05T09:00:00Z", "complainant"),
      ev("organisation.acknowledged", "2026-01-07T09:00:00Z", "organisation"),
      ev("irm.escalated", "2026-02-20T09:00:00Z", "complainant"),
      ev("irm.eligibility_decided", "2026-02-23T09:00:00Z", "irm", { decision: "eligible" }),
      ev("irm.determined", "2026-03-20T09:00:00Z", "irm", { verdict: "upheld", remedies: [{ id: "j1", kind: "delete", dueAt: at("2026-04-20T00:00:00Z") }] }),
      ev("commerce.requested", "2026-03-25T09:00:00Z", "complainant"),
      ev("commerce.referred", "2026-03-27T09:00:00Z", "dpa_panel"),
      ev("commerce.concluded", "2026-05-15T09:00:00Z", "commerce", { outcome: "unable_to_resolve" }),
      ev("arbitration.invoked", "2026-05-20T09:00:00Z", "complainant"),
    ]);
    const view = caseView(f, "complainant", at("2026-05-21T00:00:00Z"));
    expect(view.state.rung).toBe("arbitration");
    expect(r.applies && r.rungs.at(-1)?.body).toEqual({ kind: "arbitration_panel", panel: "privacy-shield-panel" });
  });

  it("mParticle, HR data: the EU DPA panel; arbitration barred (R3.2)", () => {
    const base = baseFacts("mparticle", "FR", true);
    const f = walk(base, [
      ev("case.filed", "2026-01-05T09:00:00Z", "complainant"),
      ev("organisation.responded", "2026-01-30T09:00:00Z", "organisation"),
      ev("panel.escalated", "2026-02-02T09:00:00Z", "complainant"),
      ev("panel.commented", "2026-02-10T09:00:00Z", "organisation", { from: "organisation" }),
      ev("panel.advised", "2026-03-20T09:00:00Z", "dpa_panel", { verdict: "upheld", remedies: [{ id: "p1", kind: "correct", dueAt: at("2026-04-10T00:00:00Z") }] }),
    ]);
    const view = caseView(f, "dpa_panel", at("2026-04-20T00:00:00Z"));
    expect(view.clocks.find((c) => c.id === "panel.compliance")?.state).toBe("missed");
    expect(view.actions.find((a) => a.action === "notice_referral")?.allowed).toBe(true);
    expect(view.gate.bars.find((b) => b.id === "R3.2-dpa-authority")?.barred).toBe(true);
    expect(caseView(f, "complainant", at("2026-04-20T00:00:00Z")).actions.some((a) => a.action === "invoke_arbitration")).toBe(false);
  });

  it("mParticle, Swiss HR data: the FDPIC", () => {
    const base = baseFacts("mparticle", "CH", true);
    expect(base.subject.framework).toBe("swiss-us-ps");
    const r = route(base.subject, base.certification);
    expect(r.applies && r.irm).toEqual({ kind: "fdpic" });
  });

  it("mParticle, non-HR data: BBB National Programs", () => {
    const base = baseFacts("mparticle", "DE", false);
    const r = route(base.subject, base.certification);
    expect(r.applies && r.irm).toEqual({ kind: "adr", providerId: "bbb-national-programs" });
  });

  it("Customer Portfolios: 45 days missed, ANA determination ignored, FTC referral proposed", () => {
    const base = baseFacts("customer-portfolios", "DE", false);
    const f = walk(base, [
      ev("case.filed", "2026-01-05T09:00:00Z", "complainant"),
      ev("irm.escalated", "2026-02-20T09:00:00Z", "complainant"),
      ev("irm.acknowledged", "2026-02-21T09:00:00Z", "irm"),
      ev("irm.eligibility_decided", "2026-02-23T09:00:00Z", "irm", { decision: "eligible" }),
      ev("irm.determined", "2026-03-20T09:00:00Z", "irm", { verdict: "upheld", remedies: [{ id: "a1", kind: "stop_processing", dueAt: at("2026-04-20T00:00:00Z") }] }),
    ]);
    const view = caseView(f, "irm", at("2026-04-21T00:00:00Z"));
    expect(view.clocks.find((c) => c.id === "organisation.response")?.state).toBe("missed");
    expect(view.referralProposals).toEqual([{ rule: "R4.1", referrer: "irm", source: "irm", remedyIds: ["a1"] }]);
    expect(view.actions.find((a) => a.action === "propose_referral")?.allowed).toBe(true);
  });

  it.each([
    ["sessioncam", "GB"],
    ["listen-first-labs", "DE"],
  ])("%s: not a participant; the ladder does not apply (R1.2)", (slug, country) => {
    const o = org(slug);
    expect(inferFramework(o.certifications, country)).toBeNull();
    const r = route({ framework: "eu-us-dpf", hrData: false, complainantCountry: country, dataSubject: "self" }, undefined, o.claimsParticipation);
    expect(r).toMatchObject({ applies: false, goTo: ["dpa"] });
    const d = decide(snapshot({ subject: { framework: "eu-us-dpf", hrData: false, complainantCountry: country, dataSubject: "self" }, certification: undefined, events: [] }, at("2026-01-05T09:00:00Z")), ev("case.filed", "2026-01-05T09:00:00Z", "complainant"));
    expect(d.ok === false && d.reason).toMatchObject({ code: "not_participant_no_certification", rule: "R1.2" });
  });

  it("R1.4: Customer Portfolios' Privacy Shield names the United Kingdom beside the EU, so a UK resident's complaint enters its ladder (ANA first)", () => {
    const o = org("customer-portfolios");
    expect(inferFramework(o.certifications, "GB")).toBe("eu-us-ps");
    const base = baseFacts("customer-portfolios", "GB", false);
    const r = route(base.subject, base.certification, base.claimsParticipation);
    expect(r.applies && r.irm).toEqual({ kind: "adr", providerId: "ana" });
    // Gibraltar is not named: no framework of Customer Portfolios covers it.
    expect(inferFramework(o.certifications, "GI")).toBeNull();
  });
});
