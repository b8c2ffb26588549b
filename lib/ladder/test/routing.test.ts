import { describe, expect, it } from "vitest";
import { dpaBodyFor, inferFramework, route } from "../routing";
import { jamsCert, subject } from "./builders";
import type { Certification } from "../certification";

const dpaIrm: Certification = { ...jamsCert, framework: "eu-us-dpf", irm: { kind: "dpa" } };

describe("R1.3 / R2.5 routing", () => {
  it("non-HR data goes to the organisation's ADR provider (R1.3)", () => {
    const r = route(subject(), jamsCert);
    expect(r.applies && r.irm).toEqual({ kind: "adr", providerId: "jams" });
    expect(r.applies && r.rungs.map((x) => x.id)).toEqual(["organisation", "irm", "commerce", "arbitration"]);
  });
  it.each([
    ["eu-us-ps", "DE", "dpa_panel"],
    ["swiss-us-ps", "CH", "fdpic"],
    ["uk-ext-dpf", "GB", "ico"],
    ["uk-ext-dpf", "GI", "gra"],
  ] as const)("HR data under %s (%s) goes to %s (R1.3, R2.5)", (framework, country, body) => {
    const r = route(subject({ framework, complainantCountry: country, hrData: true }), { ...jamsCert, framework });
    expect(r.applies && r.irm).toEqual({ kind: body });
    expect(r.applies && r.rungs.map((x) => x.id)).toEqual(["organisation", "dpa_panel", "commerce", "arbitration"]);
  });
  it("non-HR data goes to the DPA panel where the organisation chose it (R2.5)", () => {
    const r = route(subject({ framework: "eu-us-dpf" }), dpaIrm);
    expect(r.applies && r.irm).toEqual({ kind: "dpa_panel" });
  });
  it("arbitration is listed but barred where a DPA has authority (R3.2)", () => {
    const r = route(subject({ hrData: true }), jamsCert);
    expect(r.applies && r.rungs.find((x) => x.id === "arbitration")?.barred).toBe("dpa_authority");
    const r2 = route(subject(), jamsCert);
    expect(r2.applies && r2.rungs.find((x) => x.id === "arbitration")?.barred).toBeUndefined();
  });
  it("names the framework's arbitration panel (R1.1)", () => {
    const ps = route(subject(), jamsCert);
    const dpf = route(subject({ framework: "eu-us-dpf" }), { ...jamsCert, framework: "eu-us-dpf" });
    expect(ps.applies && ps.rungs.at(-1)?.body).toEqual({ kind: "arbitration_panel", panel: "privacy-shield-panel" });
    expect(dpf.applies && dpf.rungs.at(-1)?.body).toEqual({ kind: "arbitration_panel", panel: "dpf-annex-i-panel" });
  });
  it("HR data where the policy does not state DPA cooperation is flagged, not refused (R1.3)", () => {
    const r = route(subject({ hrData: true }), jamsCert);
    expect(r.applies && r.hrCooperationUnstated).toBe(true);
    const r2 = route(subject({ hrData: true }), { ...jamsCert, coversHrData: true });
    expect(r2.applies && r2.hrCooperationUnstated).toBe(false);
  });
  it("an organisation with no IRM named has no IRM rung (R1.3)", () => {
    const r = route(subject(), { ...jamsCert, irm: null });
    expect(r.applies && r.irm).toBeNull();
    expect(r.applies && r.rungs.map((x) => x.id)).toEqual(["organisation", "commerce", "arbitration"]);
  });
  it("a non-participant: the ladder does not apply, go to the DPA (R1.2)", () => {
    expect(route(subject(), undefined)).toMatchObject({ applies: false, goTo: ["dpa"] });
  });
  it("an uncovered complainant: the ladder does not apply (R1.4)", () => {
    expect(route(subject({ complainantCountry: "US" }), jamsCert)).toMatchObject({ applies: false, coverage: { reason: "country_not_covered" } });
  });
});

describe("framework inference", () => {
  const certs: Certification[] = [
    { ...jamsCert, framework: "eu-us-ps" },
    { ...jamsCert, framework: "eu-us-dpf" },
    { ...jamsCert, framework: "swiss-us-ps" },
  ];
  it.each([
    ["DE", "eu-us-dpf"],
    ["CH", "swiss-us-ps"],
    ["GB", null],
  ] as const)("a resident of %s → %s", (country, expected) => {
    expect(inferFramework(certs, country)).toBe(expected);
  });
  it("ignores certifications that do not make a participant", () => {
    expect(inferFramework([{ ...jamsCert, status: "removed" }], "DE")).toBeNull();
  });
});

describe("dpaBodyFor: the DPA body that receives a case (R1.3, R2.5, R2.7)", () => {
  it.each([
    ["DE", "panel", "dpa_panel"],
    ["DE", "own", "national_dpa"],
    ["CH", "own", "fdpic"],
    ["GB", "panel", "ico"],
    ["GI", "panel", "gra"],
    ["GI", "own", "gra"],
  ] as const)("%s (%s) → %s", (country, role, kind) => {
    expect(dpaBodyFor(country, role)).toBe(kind);
  });
});

describe("R1.3: HR complaints go where the employee works", () => {
  it("under the UK Extension, a complainant who lives in Britain and works in Gibraltar goes to the GRA; one who works where they live, to the ICO", () => {
    const uk = { ...jamsCert, framework: "uk-ext-dpf" as const };
    const working = route(subject({ framework: "uk-ext-dpf", complainantCountry: "GB", workCountry: "GI", hrData: true }), uk);
    expect(working.applies && working.irm).toEqual({ kind: "gra" });
    const living = route(subject({ framework: "uk-ext-dpf", complainantCountry: "GB", hrData: true }), uk);
    expect(living.applies && living.irm).toEqual({ kind: "ico" });
  });
  it("the work country matters only for HR data", () => {
    const r = route(subject({ framework: "uk-ext-dpf", complainantCountry: "GB", workCountry: "GI", hrData: false }), { ...jamsCert, framework: "uk-ext-dpf" });
    expect(r.applies && r.irm).toEqual({ kind: "adr", providerId: "jams" });
  });
});
