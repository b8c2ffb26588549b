import { describe, expect, it } from "vitest";
import { complaintFramework, dpfSuccessor, FRAMEWORKS, FRAMEWORK_IDS } from "../frameworks";
import { filingFramework } from "../routing";
import { isCovered, regionOf } from "../coverage";
import { participation } from "../certification";
import { jamsCert } from "./builders";

describe("R1.1 frameworks", () => {
  it.each([
    ["eu-us-ps", "2016-07-12", "2020-07-16", "privacy-shield-panel"],
    ["eu-us-dpf", "2023-07-10", null, "dpf-annex-i-panel"],
    ["uk-ext-dpf", "2023-07-17", null, "dpf-annex-i-panel"],
    ["swiss-us-dpf", "2023-07-17", null, "dpf-annex-i-panel"],
    ["swiss-us-ps", null, null, "privacy-shield-panel"],
  ] as const)("%s: in force %s, invalidated %s, panel %s", (id, from, invalidated, panel) => {
    expect(FRAMEWORKS[id].inForceFrom).toBe(from);
    expect(FRAMEWORKS[id].invalidatedOn).toBe(invalidated);
    expect(FRAMEWORKS[id].arbitrationPanel).toBe(panel);
  });
  it("lists exactly five frameworks", () => expect(FRAMEWORK_IDS).toHaveLength(5));
  it.each([
    ["eu-us-ps", "active", { framework: "eu-us-dpf", since: "2023-07-10" }],
    ["swiss-us-ps", "active", { framework: "swiss-us-dpf", since: "2023-07-17" }],
    ["eu-us-ps", "withdrawn", null],
    ["eu-us-ps", "inactive", null],
    ["eu-us-dpf", "active", null],
    ["uk-ext-dpf", "active", null],
  ] as const)("%s certification, %s: DPF successor %o", (id, status, successor) => {
    expect(dpfSuccessor(id, status)).toEqual(successor);
  });
  it.each([
    ["eu-us-ps", "active", "2026-12-05", "eu-us-dpf"],
    ["eu-us-ps", "active", "2023-07-10", "eu-us-dpf"],
    ["eu-us-ps", "active", "2023-07-09", "eu-us-ps"],
    ["swiss-us-ps", "active", "2026-12-05", "swiss-us-dpf"],
    ["eu-us-ps", "withdrawn", "2026-12-05", "eu-us-ps"],
    ["eu-us-ps", "inactive", "2026-12-05", "eu-us-ps"],
    ["eu-us-dpf", "active", "2026-12-05", "eu-us-dpf"],
  ] as const)("a complaint against a %s certification (%s) filed on %s runs under %s", (id, status, day, framework) => {
    expect(complaintFramework(id, status, new Date(`${day}T12:00:00Z`))).toBe(framework);
  });
  it("a filing names the certification the policy names and the framework it runs under today", () => {
    const today = new Date("2026-12-05T12:00:00Z");
    expect(filingFramework([jamsCert], "DE", today)).toEqual({ certified: "eu-us-ps", framework: "eu-us-dpf" });
    expect(filingFramework([jamsCert], "DE", today, "eu-us-dpf")).toEqual({ certified: "eu-us-ps", framework: "eu-us-dpf" });
    expect(filingFramework([jamsCert], "DE", today, "eu-us-ps")).toEqual({ certified: "eu-us-ps", framework: "eu-us-dpf" });
    const both = [jamsCert, { ...jamsCert, framework: "eu-us-dpf" as const }];
    expect(filingFramework(both, "DE", today)).toEqual({ certified: "eu-us-dpf", framework: "eu-us-dpf" });
    // A certification that lapsed while the company keeps the data stays the Privacy Shield's (R1.2).
    expect(filingFramework([{ ...jamsCert, status: "inactive" }], "DE", today)).toEqual({ certified: "eu-us-ps", framework: "eu-us-ps" });
    expect(filingFramework([jamsCert], "CH", today)).toBeNull();
    expect(filingFramework([jamsCert], "DE", today, "swiss-us-dpf")).toBeNull();
  });
});

describe("R1.4 covered complainants", () => {
  it.each([
    ["eu-us-dpf", "FR", "self", true],
    ["eu-us-dpf", "IS", "self", true],
    ["eu-us-dpf", "LI", "self", true],
    ["eu-us-dpf", "NO", "child", true],
    ["eu-us-dpf", "CH", "self", false],
    ["eu-us-dpf", "GB", "self", false],
    ["swiss-us-dpf", "CH", "self", true],
    ["swiss-us-ps", "DE", "self", false],
    ["uk-ext-dpf", "GB", "self", true],
    ["uk-ext-dpf", "GI", "self", true],
    ["uk-ext-dpf", "IE", "self", false],
    ["eu-us-dpf", "US", "self", false],
    ["eu-us-dpf", "DE", "other", false],
  ] as const)("%s, resident of %s, about %s data: covered=%s", (fw, country, subj, covered) => {
    expect(isCovered(fw, country, subj).covered).toBe(covered);
  });
  it("reads country codes case-insensitively", () => expect(regionOf("de")).toBe("eu"));
});

describe("R1.2 participation", () => {
  it.each([
    ["active", true, true, undefined],
    ["inactive", true, true, undefined],
    ["inactive", false, false, "lapsed_without_data"],
    ["withdrawn", true, true, undefined],
    ["withdrawn", false, false, "lapsed_without_data"],
    ["removed", true, false, "removed"],
  ] as const)("status %s, retains data %s → participant %s", (status, retains, participant, reason) => {
    const answer = participation({ ...jamsCert, status, retainsFrameworkData: retains });
    expect(answer.participant).toBe(participant);
    if (!answer.participant) expect(answer.reason).toBe(reason);
  });
  it("no certification: the DPA; a false claim of participation: also the FTC", () => {
    expect(participation(undefined)).toMatchObject({ participant: false, reason: "no_certification", goTo: ["dpa"] });
    expect(participation(undefined, true)).toMatchObject({ goTo: ["dpa", "ftc"] });
  });
  it("removed for persistent failure: the DPA and the FTC", () => {
    expect(participation({ ...jamsCert, status: "removed" })).toMatchObject({ goTo: ["dpa", "ftc"] });
  });
});
