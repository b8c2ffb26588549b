import { describe, expect, it } from "vitest";
import { filingSchema, plain } from "./filing-schema";

const valid = {
  idempotencyKey: "6f1c2a4e-8b1d-4c9e-9a7f-2d3e4f5a6b7c",
  organisationSlug: "mparticle",
  hrData: false,
  name: "Anna Schmidt",
  email: "anna@example.de",
  country: "DE",
  preferredLanguage: "de",
  dataSubject: "self",
  principles: ["access"],
  reliefSought: ["access"],
  description: "I asked for my data and never received it.",
  consent: true,
};

describe("the filing schema (DOMAIN.md §5)", () => {
  it("accepts a complete complaint", () => expect(filingSchema.safeParse(valid).success).toBe(true));
  it.each([
    ["name", "", "required"],
    ["name", "x".repeat(201), "too_long"],
    ["name", "<script>alert(1)</script>", "no_markup"],
    ["name", "Anna\u0000", "invalid_characters"],
    ["email", "anna", "invalid_email"],
    ["country", "US", "country_not_covered"],
    ["country", "", "required"],
    ["description", "too short", "too_short"],
    ["description", 'Look: <img src=x onerror="alert(1)">', "no_markup"],
    ["principles", [], "choose_one"],
    ["consent", false, "consent_required"],
    ["priorContactDate", "24/11/2026", "invalid_date"],
  ])("%s = %j → %s", (field, value, message) => {
    const result = filingSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });
  it.each(["Write to <anna@example.de> please", "2 < 3 and 5 > 4", "Ünïcødé — ok"])("plain text %j is fine", (text) => {
    expect(plain(200).safeParse(text).success).toBe(true);
  });
});
