/**
 * Retention and the calendar feed (issue 7), on both databases.
 */
import { describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { auditLog, caseBodies, caseEvents, cases, caseStatistics, clockNotices, messages, outbox, users } from "@/db/schema";
import { createFeed, renderFeed, revokeFeed } from "@/lib/calendar/feed";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { DAY_MS } from "@/lib/ladder";
import { applyRetention } from "@/lib/retention/apply";
import { providerAnnualReport } from "@/lib/reports/queries";
import { retentionDays, retentionPolicy, updateRetentionPolicy } from "@/lib/retention/policy";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requestErasure } from "@/lib/users/my-data";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const T0 = new Date("2026-11-24T10:00:00Z");

describe.each(KINDS)("retention on %s", (kind) => {
  const db = seededDatabase(kind);

  const withdraw = async (email: string, caseId: string, at: Date) => recordEvent(db(), await actorByEmail(db(), email), caseId, { type: "complainant.withdrew", data: {} }, { now: at, message: { body: "I withdraw.", visibility: "complainant" } });
  const exists = async (caseId: string) => (await db().select({ id: cases.id }).from(cases).where(eq(cases.id, caseId))).length === 1;

  it("erases a closed case on request: statistics and an audit entry remain, the person and the history go", async () => {
    const filed = await fileCase(db(), filing({ email: "erase-me@example.eu", name: "Erika Mustermann" }), T0);
    const open = await fileCase(db(), filing({ email: "keep-me@example.eu" }), T0);
    await withdraw("erase-me@example.eu", filed.caseId, new Date(T0.getTime() + DAY_MS));
    await requestErasure(db(), await actorByEmail(db(), "erase-me@example.eu"), filed.caseId, new Date(T0.getTime() + 2 * DAY_MS));

    // Mail, bell items and sent reminders name the case and the person (no foreign key holds them): erasure must find them.
    const [person] = await db().select().from(users).where(eq(users.email, "erase-me@example.eu"));
    // A bell item about nothing in particular: it goes with its owner, not with a case.
    await db().insert(outbox).values({ dedupeKey: "test:bell-of-erased-person", userId: person!.id, template: "notice:step", params: {}, toEmail: null, status: null });
    await db().insert(clockNotices).values({ caseId: filed.caseId, clockId: "organisation.response", thresholdDays: 7, dueAt: T0, noticedAt: T0 });
    expect((await db().select().from(outbox).where(eq(outbox.caseId, filed.caseId))).length).toBeGreaterThan(0);
    expect((await db().select().from(outbox).where(and(eq(outbox.caseId, filed.caseId), isNotNull(outbox.userId)))).length).toBeGreaterThan(0);
    expect(await applyRetention(db(), new Date(T0.getTime() + 2 * DAY_MS))).toEqual({ erased: 1 });
    expect(await exists(filed.caseId)).toBe(false);
    expect(await exists(open.caseId)).toBe(true);
    expect(await db().select().from(caseEvents).where(eq(caseEvents.caseId, filed.caseId))).toEqual([]);
    expect(await db().select().from(messages).where(eq(messages.caseId, filed.caseId))).toEqual([]);
    expect(await db().select().from(outbox).where(eq(outbox.caseId, filed.caseId))).toEqual([]);
    expect(await db().select().from(clockNotices).where(eq(clockNotices.caseId, filed.caseId))).toEqual([]);
    expect(await db().select().from(users).where(eq(users.email, "erase-me@example.eu"))).toEqual([]);
    expect(await db().select().from(outbox).where(eq(outbox.userId, person!.id))).toEqual([]);

    const stats = await db().select().from(caseStatistics);
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ complainantRegion: "eu", filedMonth: "2026-11", closedMonth: "2026-11", closedBy: "complainant", highestRung: "organisation", reason: "request" });
    // Nothing in the statistics names the person or the case.
    expect(JSON.stringify(stats[0])).not.toMatch(/Erika|erase-me|RC-/);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, filed.caseId), eq(auditLog.action, "erased")));
    expect(audit!.data).toMatchObject({ reference: filed.reference, reason: "request" });
  });

  it("administrators set the period, audited; nobody else may; a period out of range is refused and nothing changes", async () => {
    const admin = await actorByEmail(db(), "admin@recourse.example");
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    expect(await retentionPolicy(db(), admin)).toEqual({ days: 3 * 365, source: "default", environment: null, fallback: 3 * 365 });
    await expect(updateRetentionPolicy(db(), staff, 30, T0)).rejects.toThrow(NotFoundError);
    await expect(retentionPolicy(db(), staff)).rejects.toThrow(NotFoundError);
    for (const bad of [29, 3651, 1.5, "x", null]) await expect(updateRetentionPolicy(db(), admin, bad, T0)).rejects.toThrow(ValidationError);
    expect(await retentionDays(db())).toBe(3 * 365);

    // Shorter erases more, for good: only with the administrator's explicit yes.
    await expect(updateRetentionPolicy(db(), admin, "30", T0)).rejects.toMatchObject({ fieldErrors: { confirmShorter: ["confirm_shorter_retention"] } });
    expect(await retentionDays(db())).toBe(3 * 365);
    expect(await updateRetentionPolicy(db(), admin, "30", T0, { confirmedShorter: true })).toEqual({ days: 30, source: "setting" });
    expect(await retentionDays(db())).toBe(30);
    const changes = await db().select().from(auditLog).where(eq(auditLog.action, "retention_changed"));
    expect(changes).toHaveLength(1);
    expect(changes[0]!).toMatchObject({ actorUserId: admin.kind === "user" ? admin.userId : null, data: { from: 3 * 365, fromSource: "default", to: 30 } });
  });

  it("erases closed cases after the configured period since their last event, and never an open one", async () => {
    await updateRetentionPolicy(db(), await actorByEmail(db(), "admin@recourse.example"), 30, T0, { confirmedShorter: true });
    const closed = await fileCase(db(), filing({ email: "old-closed@example.eu" }), T0);
    await withdraw("old-closed@example.eu", closed.caseId, new Date(T0.getTime() + DAY_MS));
    expect((await applyRetention(db(), new Date(T0.getTime() + 20 * DAY_MS))).erased).toBe(0);
    expect(await exists(closed.caseId)).toBe(true);
    expect((await applyRetention(db(), new Date(T0.getTime() + 32 * DAY_MS))).erased).toBe(1);
    expect(await exists(closed.caseId)).toBe(false);
    const [stat] = await db().select().from(caseStatistics).where(eq(caseStatistics.reason, "retention"));
    expect(stat).toBeDefined();
    // The open case of the first test is still there after the period.
    expect((await db().select().from(cases).where(eq(cases.status, "open"))).length).toBeGreaterThan(0);
  });

  it("DOMAIN.md §6: a provider's annual report is the same after the cases it counts are erased", async () => {
    const email = "reported@example.eu";
    const filed = await fileCase(db(), filing({ email }), T0);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    await recordEvent(db(), staff, filed.caseId, { type: "organisation.responded", data: {} }, { now: new Date(T0.getTime() + DAY_MS) });
    await recordEvent(db(), await actorByEmail(db(), email), filed.caseId, { type: "irm.escalated", data: {} }, { now: new Date(T0.getTime() + 2 * DAY_MS) });
    const [body] = await db().select({ providerId: caseBodies.providerId }).from(caseBodies).where(eq(caseBodies.caseId, filed.caseId));
    await withdraw(email, filed.caseId, new Date(T0.getTime() + 3 * DAY_MS));
    await requestErasure(db(), await actorByEmail(db(), email), filed.caseId, new Date(T0.getTime() + 4 * DAY_MS));

    const admin = await actorByEmail(db(), "admin@recourse.example");
    const year = T0.getUTCFullYear();
    const before = (await providerAnnualReport(db(), admin, body!.providerId, year, new Date(T0.getTime() + 4 * DAY_MS))).report;
    expect(before.received).toBeGreaterThanOrEqual(1);
    expect(before.outcomes.withdrawn).toBeGreaterThanOrEqual(1);
    expect((await applyRetention(db(), new Date(T0.getTime() + 4 * DAY_MS))).erased).toBe(1);
    expect(await exists(filed.caseId)).toBe(false);
    expect((await providerAnnualReport(db(), admin, body!.providerId, year, new Date(T0.getTime() + 4 * DAY_MS))).report).toEqual(before);
  });

  it("history stays append-only outside the erasure job", async () => {
    const filed = await fileCase(db(), filing({ email: "tamper@example.eu" }), T0);
    await expect(db().delete(caseEvents).where(eq(caseEvents.caseId, filed.caseId))).rejects.toThrow();
    await expect(db().update(caseEvents).set({ type: "x" }).where(eq(caseEvents.caseId, filed.caseId))).rejects.toThrow();
  });

  it("the calendar feed lists the user's running deadlines at a secret, revocable address", async () => {
    const filed = await fileCase(db(), filing({ email: "calendar@example.eu" }), T0);
    const staff = await actorByEmail(db(), "staff@mparticle.example");
    const url = await createFeed(db(), staff);
    const token = url.split("/").pop()!;
    const ics = (await renderFeed(db(), token))!;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`SUMMARY:${filed.reference}: The company responds`);
    expect(ics).toContain(`UID:${filed.caseId}-organisation.response@recourse`);
    expect(ics).toMatch(/BEGIN:VALARM/);
    // Another organisation's staff do not see it in theirs.
    const outsider = await actorByEmail(db(), "admin@customerportfolios.example");
    const theirs = (await renderFeed(db(), (await createFeed(db(), outsider)).split("/").pop()!))!;
    expect(theirs).not.toContain(filed.reference);
    // A new address revokes the old; stopping revokes all.
    const renewed = (await createFeed(db(), staff)).split("/").pop()!;
    expect(await renderFeed(db(), token)).toBeNull();
    expect(await renderFeed(db(), renewed)).not.toBeNull();
    await revokeFeed(db(), staff);
    expect(await renderFeed(db(), renewed)).toBeNull();
    expect(await renderFeed(db(), "not-a-token")).toBeNull();
  });
});
