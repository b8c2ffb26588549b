/**
 * The participant list import (R1.2), on both databases: who may, what the preview says, that
 * bad files store nothing, that confirming applies the plan whole and audited, and that the
 * directory and filing follow.
 */
import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, certifications, organisations } from "@/db/schema";
import { fileCase } from "@/lib/cases/commands";
import { applyParticipantList, previewParticipantList } from "@/lib/directory/participant-list";
import { getOrganisationProfile, searchOrganisations } from "@/lib/directory/queries";
import { ANONYMOUS } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const NOW = new Date("2026-12-01T10:00:00Z");
const ADMIN = "admin@recourse.example";
const HEADER = "Organization Name,Frameworks,Status,Certification Date,Next Recertification Due Date";
const csvFile = (text: string, name = "participants.csv", type = "text/csv") => new File([text], name, { type });

describe.each(KINDS)("participant list import on %s", (kind) => {
  const db = seededDatabase(kind);

  const snapshot = async () => ({
    organisations: await db().select().from(organisations).orderBy(organisations.slug),
    certifications: await db().select().from(certifications).orderBy(certifications.id),
    audit: (await db().select({ id: auditLog.id }).from(auditLog)).length,
  });
  const listErrors = async (file: unknown) => {
    const error = await previewParticipantList(db(), await actorByEmail(db(), ADMIN), file, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  };

  it("is for administrators only: anyone else is answered not found", async () => {
    const file = csvFile(`${HEADER}\nAcme Widgets LLC,EU-U.S. DPF,Active,2026-01-15,2027-01-15\n`);
    for (const email of ["staff@sessionm.example", "member@dpa-panel.example", "anna.schmidt@example.de"]) {
      await expect(previewParticipantList(db(), await actorByEmail(db(), email), file, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(applyParticipantList(db(), await actorByEmail(db(), email), { csv: "x", digest: "0".repeat(64) }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(previewParticipantList(db(), ANONYMOUS, file, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a file that is not a CSV, lacks a column, is empty or too big, and stores nothing", async () => {
    const before = await snapshot();
    expect(await listErrors(undefined)).toEqual({ list: ["required"] });
    expect(await listErrors(csvFile(""))).toEqual({ list: ["required"] });
    expect(await listErrors(csvFile("%PDF-1.7\u0000binary", "list.pdf", "application/pdf"))).toEqual({ list: ["list_not_csv"] });
    expect(await listErrors(csvFile("a,b\u0000c\n"))).toEqual({ list: ["list_not_csv"] });
    expect(await listErrors(csvFile(`${HEADER}\n"Acme, unclosed,EU-U.S. DPF\n`))).toEqual({ list: ["list_not_csv"] });
    expect(await listErrors(csvFile("Name,Status\nAcme,Active\n"))).toEqual({ list: ["list_header"] });
    expect(await listErrors(csvFile(`${HEADER}\n\n`))).toEqual({ list: ["list_empty"] });
    expect(await listErrors(csvFile(`${HEADER}\n${"x".repeat(2 * 1024 * 1024)}`))).toEqual({ list: ["list_too_big"] });
    expect(await snapshot()).toEqual(before);
  });

  it("previews each refused row with its number and reason, and will not apply such a list", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const text = [
      HEADER,
      "Good Co,EU-U.S. DPF,Active,2026-01-15,2027-01-15",
      ",EU-U.S. DPF,Active,2026-01-15,2027-01-15",
      "Moon Co,EU-Moon DPF,Active,2026-01-15,2027-01-15",
      "Paused Co,EU-U.S. DPF,Sleeping,2026-01-15,2027-01-15",
      "Date Co,EU-U.S. DPF,Active,2026-02-30,2027-01-15",
      "good co,UK Extension,Active,2026-01-15,2027-01-15",
    ].join("\n");
    const before = await snapshot();
    const { plan, csv } = await previewParticipantList(db(), admin, csvFile(text), NOW);
    expect(plan.refused).toEqual([
      { row: 3, reason: "no_name" },
      { row: 4, reason: "unknown_framework", value: "EU-Moon DPF" },
      { row: 5, reason: "unknown_status", value: "Sleeping" },
      { row: 6, reason: "bad_date", value: "2026-02-30" },
      { row: 7, reason: "duplicate", value: "2" },
    ]);
    const error = await applyParticipantList(db(), admin, { csv, digest: plan.digest }, NOW).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors).toEqual({ list: ["list_has_refused_rows"] });
    expect(await snapshot()).toEqual(before);
  });

  it("previews, then applies on confirmation: a lapse, two additions, a date change; audited; the directory and filing follow", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const text = [
      "\uFEFFOrganisation,Framework,Participation Status,Last Certified,Recertification Due,Website",
      // The Privacy Shield certification runs under its DPF successor (R1.1): the list's entry updates it.
      '"SessionM, Inc.",EU-U.S. Data Privacy Framework,Inactive,2025-07-01,2026-07-01,https://sessionm.example',
      '"mParticle, Inc.","EU-U.S. DPF; Swiss-U.S. DPF",Active,11/20/2026,11/20/2027,',
      '"Northwind Analytics, Inc.","EU-U.S. DPF, UK Extension",Active,2026-10-01,2027-10-01,',
      "Contoso Labs LLC,Swiss-U.S. DPF,Active,2026-09-15,2027-09-15,",
    ].join("\r\n");
    const before = await snapshot();
    const { plan, csv } = await previewParticipantList(db(), admin, csvFile(text, "list.txt", ""), NOW);
    expect(await snapshot()).toEqual(before);
    expect(plan).toMatchObject({
      listed: 4,
      refused: [],
      unchanged: 0,
      added: [
        { name: "Northwind Analytics, Inc.", frameworks: ["eu-us-dpf", "uk-ext-dpf"], status: "active" },
        { name: "Contoso Labs LLC", frameworks: ["swiss-us-dpf"], status: "active" },
      ],
      // Absence from the list lapses nothing: the company is named and left as it is.
      absent: [{ name: "Customer Portfolios LLC", slug: "customer-portfolios" }],
    });
    expect(plan.changes).toEqual([
      { kind: "status_changed", organisation: "SessionM, Inc.", slug: "sessionm", framework: "eu-us-ps", from: "active", to: "inactive", participant: false },
      { kind: "dates_changed", organisation: "mParticle, Inc.", slug: "mparticle", framework: "eu-us-ps", certifiedOn: [null, "2026-11-20"], recertificationDue: [null, "2027-11-20"] },
      { kind: "dates_changed", organisation: "mParticle, Inc.", slug: "mparticle", framework: "swiss-us-ps", certifiedOn: [null, "2026-11-20"], recertificationDue: [null, "2027-11-20"] },
    ]);

    // A stale confirmation (another plan) changes nothing.
    await expect(applyParticipantList(db(), admin, { csv, digest: "f".repeat(64) }, NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(await snapshot()).toEqual(before);

    const applied = await applyParticipantList(db(), admin, { csv, digest: plan.digest }, NOW, { ip: "203.0.113.7", userAgent: "test" });
    expect(applied.digest).toBe(plan.digest);

    const sessionm = (await getOrganisationProfile(db(), "sessionm"))!;
    expect(sessionm).toMatchObject({ participant: false, notParticipantReason: "lapsed_without_data" });
    expect(sessionm.certifications[0]).toMatchObject({ status: "inactive", statusSince: new Date("2026-12-01T00:00:00Z"), statusSource: "participant_list:2026-12-01" });
    const refused = await fileCase(db(), filing({ organisationSlug: "sessionm" }), NOW).catch((e: unknown) => e);
    expect((refused as RuleError).reason.code).toBe("not_participant_lapsed_without_data");

    // A date change keeps the status and where it came from.
    const [mp] = await db().select().from(certifications).innerJoin(organisations, eq(organisations.id, certifications.organisationId)).where(and(eq(organisations.slug, "mparticle"), eq(certifications.framework, "eu-us-ps")));
    expect(mp!.certifications).toMatchObject({ status: "active", statusSource: "company_policy", certifiedOn: "2026-11-20", recertificationDue: "2027-11-20" });

    const found = await searchOrganisations(db(), "Northwind Analytics");
    expect(found[0]).toMatchObject({ slug: "northwind-analytics-inc", name: "Northwind Analytics, Inc.", country: "US", participant: true });
    const northwind = (await getOrganisationProfile(db(), "northwind-analytics-inc"))!;
    expect(northwind.certifications.map((c) => [c.framework, c.status, c.statusSource])).toEqual([
      ["eu-us-dpf", "active", "participant_list:2026-12-01"],
      ["uk-ext-dpf", "active", "participant_list:2026-12-01"],
    ]);
    await expect(fileCase(db(), filing({ organisationSlug: "northwind-analytics-inc" }), NOW)).resolves.toMatchObject({ reference: expect.any(String) });
    expect((await getOrganisationProfile(db(), "contoso-labs-llc"))!.participant).toBe(true);

    const entries = await db().select().from(auditLog).where(inArray(auditLog.entity, ["participant_list", "organisation", "certification"]));
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction("imported")).toEqual([expect.objectContaining({ entityId: plan.digest, ip: "203.0.113.7", at: NOW, data: expect.objectContaining({ organisationsAdded: 2, changes: 3, absentLeftAsTheyAre: 1 }) })]);
    expect(byAction("added_from_participant_list")).toHaveLength(2);
    expect(byAction("added")).toHaveLength(3);
    expect(byAction("status_changed").map((e) => (e.data as { after: { status: string } }).after)).toEqual([expect.objectContaining({ status: "inactive", statusSource: "participant_list:2026-12-01", certifiedOn: "2025-07-01" })]);
    expect(byAction("list_dates_changed").map((e) => (e.data as { after: object }).after)).toEqual([
      expect.objectContaining({ status: "active", certifiedOn: "2026-11-20", recertificationDue: "2027-11-20" }),
      expect.objectContaining({ status: "active", certifiedOn: "2026-11-20", recertificationDue: "2027-11-20" }),
    ]);

    // The same list again changes nothing.
    const again = await previewParticipantList(db(), admin, csvFile(text), NOW);
    expect(again.plan).toMatchObject({ added: [], changes: [], unchanged: 6 });
  });

  it("two confirmations of one plan at once: one applies it, the other changes nothing", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const { plan, csv } = await previewParticipantList(db(), admin, csvFile(`${HEADER}\nTwice Confirmed GmbH,EU-U.S. DPF,Active,2026-10-01,2027-10-01\n`), NOW);
    const results = await Promise.allSettled([applyParticipantList(db(), admin, { csv, digest: plan.digest }, NOW), applyParticipantList(db(), admin, { csv, digest: plan.digest }, NOW)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(ConflictError) });
    expect(await db().select().from(organisations).where(eq(organisations.name, "Twice Confirmed GmbH"))).toHaveLength(1);
  });
});
