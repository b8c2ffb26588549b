/** The administrators' audit-log viewer: filters, newest first, paging, and only for administrators. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/seed";
import { auditFilterSchema, listAuditEntries } from "@/lib/admin/audit-log";
import { NotFoundError } from "@/lib/errors";
import { setAccountDisabled, signOutEverywhere } from "@/lib/users/accounts";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");

describe.each(KINDS)("audit log viewer on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterAll(async () => database?.close());

  it("filters by action, actor and day, newest first, in pages", async () => {
    const admin = await actorByEmail(db(), "admin@recourse.example");
    const anna = await actorByEmail(db(), "anna.schmidt@example.de");
    const staff = await actorByEmail(db(), "staff@sessionm.example");
    await signOutEverywhere(db(), anna, new Date("2026-11-25T09:00:00Z"));
    await setAccountDisabled(db(), admin, staff.kind === "user" ? staff.userId : "", true, new Date("2026-11-26T09:00:00Z"), "left");
    await setAccountDisabled(db(), admin, staff.kind === "user" ? staff.userId : "", false, new Date("2026-11-27T09:00:00Z"));

    const accountChanges = await listAuditEntries(db(), admin, auditFilterSchema.parse({ entity: "user" }));
    expect(accountChanges.entries.map((e) => e.action).slice(0, 3)).toEqual(["account_enabled", "account_disabled", "sessions_ended"]);
    expect(accountChanges.entries[1]).toMatchObject({ actor: "admin@recourse.example", data: { reason: "left" } });

    const byAnna = await listAuditEntries(db(), admin, auditFilterSchema.parse({ who: "ANNA.schmidt" }));
    expect(byAnna.entries.map((e) => e.action)).toContain("sessions_ended");
    expect(byAnna.entries.every((e) => e.actor === "anna.schmidt@example.de")).toBe(true);

    const oneDay = await listAuditEntries(db(), admin, auditFilterSchema.parse({ from: "2026-11-26", to: "2026-11-26" }));
    expect(oneDay.entries.map((e) => e.action)).toEqual(["account_disabled"]);

    const first = await listAuditEntries(db(), admin, {}, 2);
    expect(first.entries).toHaveLength(2);
    const second = await listAuditEntries(db(), admin, { before: first.next! }, 2);
    expect(second.entries[0]!.seq).toBeLessThan(first.entries[1]!.seq);

    // Malformed filters are dropped, not passed on.
    expect(auditFilterSchema.parse({ entity: "user'; drop", from: "yesterday", before: "-3" })).toEqual({});
  });

  it("is for administrators only", async () => {
    for (const email of ["staff@mparticle.example", "anna.schmidt@example.de", "liaison@bbb.example"]) {
      await expect(listAuditEntries(db(), await actorByEmail(db(), email), {})).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
