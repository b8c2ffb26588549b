/**
 * Certification status as the administrators record it (R1.2), on both databases: who may,
 * what the audit log keeps, what is refused, and that the directory and filing follow.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, certifications, organisations } from "@/db/schema";
import { fileCase } from "@/lib/cases/commands";
import { listCertificationStatuses, setCertificationStatus } from "@/lib/directory/certification-status";
import { getOrganisationProfile } from "@/lib/directory/queries";
import { ANONYMOUS } from "@/lib/auth/actor";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const NOW = new Date("2026-12-01T10:00:00Z");
const ADMIN = "admin@recourse.example";

describe.each(KINDS)("certification status on %s", (kind) => {
  const db = seededDatabase(kind);

  const certOf = async (slug: string, framework: "eu-us-ps" | "swiss-us-ps") => {
    const [row] = await db()
      .select({ cert: certifications })
      .from(certifications)
      .innerJoin(organisations, eq(organisations.id, certifications.organisationId))
      .where(and(eq(organisations.slug, slug), eq(certifications.framework, framework)));
    return row!.cert;
  };
  const auditRows = async (certificationId: string) => db().select().from(auditLog).where(and(eq(auditLog.entity, "certification"), eq(auditLog.entityId, certificationId)));
  const withdrawal = (certificationId: string, over: Record<string, string> = {}) => ({
    certificationId,
    status: "withdrawn",
    retainsFrameworkData: "no",
    since: "2026-11-30",
    source: "dataprivacyframework.gov participant list, 2026-11-30",
    confirm: "yes",
    ...over,
  });

  it("seeds every certification as the company's policy states it, with that source", async () => {
    const rows = await listCertificationStatuses(db(), await actorByEmail(db(), ADMIN));
    expect(rows.map((r) => [r.organisationSlug, r.framework, r.status, r.statusSource])).toEqual([
      ["customer-portfolios", "eu-us-ps", "active", "company_policy"],
      ["customer-portfolios", "swiss-us-ps", "active", "company_policy"],
      ["mparticle", "eu-us-ps", "active", "company_policy"],
      ["mparticle", "swiss-us-ps", "active", "company_policy"],
      ["sessionm", "eu-us-ps", "active", "company_policy"],
    ]);
  });

  it("refuses everyone but the administrators, as not found, and changes nothing", async () => {
    const cert = await certOf("sessionm", "eu-us-ps");
    for (const email of ["staff@sessionm.example", "admin@mparticle.example", "anna.schmidt@example.de", "member@dpa-panel.example"]) {
      const actor = await actorByEmail(db(), email);
      await expect(setCertificationStatus(db(), actor, withdrawal(cert.id), NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listCertificationStatuses(db(), actor)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(setCertificationStatus(db(), ANONYMOUS, withdrawal(cert.id), NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await certOf("sessionm", "eu-us-ps")).toEqual(cert);
    expect(await auditRows(cert.id)).toEqual([]);
  });

  it("returns every field's error at once and stores nothing", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const cert = await certOf("mparticle", "eu-us-ps");
    const rejected = await setCertificationStatus(db(), admin, { certificationId: cert.id, status: "withdrawn", since: "2026-12-03", source: "<b>list</b>" }, NOW).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(ValidationError);
    expect((rejected as ValidationError).fieldErrors).toEqual({ since: ["date_in_future"], source: ["no_markup"], retainsFrameworkData: ["required"] });

    const cases: [Record<string, string>, Record<string, string[]>][] = [
      [{ status: "suspended" }, { status: ["required"] }],
      [{ since: "" }, { since: ["required"] }],
      [{ since: "2026-02-30" }, { since: ["invalid_date"] }],
      [{ source: "  " }, { source: ["required"] }],
      [{ source: "x".repeat(301) }, { source: ["too_long"] }],
      // Turning new complaints away must be confirmed; removal always does.
      [{ confirm: "" }, { confirm: ["confirm_consequence"] }],
      [{ status: "removed", retainsFrameworkData: "", confirm: "" }, { confirm: ["confirm_consequence"] }],
    ];
    for (const [over, errors] of cases) {
      const error = await setCertificationStatus(db(), admin, withdrawal(cert.id, over), NOW).catch((e: unknown) => e);
      expect(error, JSON.stringify(over)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors, JSON.stringify(over)).toEqual(errors);
    }
    // An unknown certification is not found.
    await expect(setCertificationStatus(db(), admin, withdrawal(crypto.randomUUID()), NOW)).rejects.toBeInstanceOf(NotFoundError);
    expect(await certOf("mparticle", "eu-us-ps")).toEqual(cert);
    expect(await auditRows(cert.id)).toEqual([]);
  });

  it("accepts today as the date in the administrator's own time zone (up to UTC+14)", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const cert = await certOf("mparticle", "swiss-us-ps");
    const lateUtc = new Date("2026-12-01T23:30:00Z");
    await expect(setCertificationStatus(db(), admin, withdrawal(cert.id, { status: "active", since: "2026-12-02", confirm: "" }), lateUtc)).resolves.toMatchObject({ status: "active", participant: true });
    await expect(setCertificationStatus(db(), admin, withdrawal(cert.id, { since: "2026-12-03" }), lateUtc)).rejects.toBeInstanceOf(ValidationError);
  });

  it("records a withdrawal with its date and source, audited with what it replaced; the directory and filing follow (R1.2)", async () => {
    const admin = await actorByEmail(db(), ADMIN);
    const cert = await certOf("sessionm", "eu-us-ps");
    expect((await getOrganisationProfile(db(), "sessionm"))!.certifications[0]!.successor).toEqual({ framework: "eu-us-dpf", since: "2023-07-10" });

    const saved = await setCertificationStatus(db(), admin, withdrawal(cert.id), NOW, { ip: "203.0.113.9", userAgent: "test" });
    expect(saved).toMatchObject({ status: "withdrawn", retainsFrameworkData: false, participant: false, statusSource: "dataprivacyframework.gov participant list, 2026-11-30" });
    expect(await certOf("sessionm", "eu-us-ps")).toMatchObject({ status: "withdrawn", retainsFrameworkData: false, statusSince: new Date("2026-11-30T00:00:00Z"), statusSource: "dataprivacyframework.gov participant list, 2026-11-30", updatedAt: NOW });

    const audit = await auditRows(cert.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: admin.kind === "user" ? admin.userId : "",
      action: "status_changed",
      ip: "203.0.113.9",
      userAgent: "test",
      at: NOW,
      data: {
        rule: "R1.2",
        framework: "eu-us-ps",
        before: { status: "active", retainsFrameworkData: true, statusSource: "company_policy" },
        after: { status: "withdrawn", retainsFrameworkData: false, statusSince: "2026-11-30T00:00:00.000Z", statusSource: "dataprivacyframework.gov participant list, 2026-11-30" },
      },
    });

    const profile = (await getOrganisationProfile(db(), "sessionm"))!;
    expect(profile).toMatchObject({ participant: false, notParticipantReason: "lapsed_without_data" });
    expect(profile.certifications[0]).toMatchObject({ status: "withdrawn", statusSource: "dataprivacyframework.gov participant list, 2026-11-30", successor: null });
    const refused = await fileCase(db(), filing({ organisationSlug: "sessionm" }), NOW).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).reason.code).toBe("not_participant_lapsed_without_data");

    // Still holding framework data, it is a participant again (no confirmation needed).
    await setCertificationStatus(db(), admin, withdrawal(cert.id, { retainsFrameworkData: "yes", confirm: "" }), NOW);
    expect((await getOrganisationProfile(db(), "sessionm"))!.participant).toBe(true);
    await expect(fileCase(db(), filing({ organisationSlug: "sessionm" }), NOW)).resolves.toMatchObject({ reference: expect.any(String) });
    expect(await auditRows(cert.id)).toHaveLength(2);
  });
});
