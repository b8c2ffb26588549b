import { describe, expect, it } from "vitest";
import { COMPANY_POLICY_SOURCE, DELISTED_SOURCE, participantListSource, statusSourceOf } from "./status-source";

describe("a certification status's source", () => {
  it("reads Recourse's own sources as codes, with the import's day", () => {
    expect(statusSourceOf(COMPANY_POLICY_SOURCE)).toEqual({ kind: "company_policy" });
    expect(statusSourceOf(DELISTED_SOURCE)).toEqual({ kind: "delisted" });
    expect(statusSourceOf(participantListSource("2026-12-01"))).toEqual({ kind: "participant_list", day: "2026-12-01" });
  });

  it("keeps an administrator's source as typed, even one that begins like a code", () => {
    for (const text of ["Inactive participants on dataprivacyframework.gov, seen 2026-11-30", "participant_list:last week", "company policy"]) expect(statusSourceOf(text)).toEqual({ kind: "text", text });
  });
});
