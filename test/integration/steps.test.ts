/** Taking a step by the registry's forms, as the case page and the API do, on both databases. */
import { describe, expect, it } from "vitest";
import { fileCase } from "@/lib/cases/commands";
import { getCaseDetail } from "@/lib/cases/queries";
import { takeDetailedStep, takeStep } from "@/lib/cases/steps";
import { ForbiddenError, RuleError, ValidationError } from "@/lib/errors";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

describe.each(KINDS)("steps on %s", (kind) => {
  const db = seededDatabase(kind);

  it("a message step records the message with it; one that needs its message refuses without one", async () => {
    const { caseId } = await fileCase(db(), filing({ email: `steps-${kind}@example.eu` }), NOW);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await expect(takeStep(db(), staff, { caseId, action: "propose_resolution" }, later(1), {})).rejects.toBeInstanceOf(ValidationError);
    await takeStep(db(), staff, { caseId, action: "propose_resolution", message: { body: "We will delete your profile.", remedies: ["delete"] } }, later(1), {});
    const detail = await getCaseDetail(db(), staff, caseId, later(2));
    const proposal = detail.messages.find((m) => m.body === "We will delete your profile.");
    expect(proposal).toMatchObject({ authorParty: "organisation", visibility: "complainant", step: "organisation.resolution_proposed" });
  });

  it("a decision is not a click: it goes with its details, which the ladder then judges", async () => {
    const { caseId } = await fileCase(db(), filing({ email: `steps-decision-${kind}@example.eu` }), NOW);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await expect(takeStep(db(), staff, { caseId, action: "close_case" }, later(1), {})).rejects.toBeInstanceOf(RuleError);
    // A body's decision is not the organisation's to take.
    await expect(takeDetailedStep(db(), staff, { caseId, action: "issue_determination", details: { verdict: "not_upheld", remedies: [], findings: "None." } }, later(1), {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});
