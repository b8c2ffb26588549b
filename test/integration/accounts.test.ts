/**
 * Sessions that can be ended (issue 21 item 4): database sessions with an absolute lifetime,
 * "sign out on every device", and an administrator's disabling of an account, which ends its
 * sessions, makes its actor anonymous and refuses nothing else.
 */
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accounts, auditLog, sessions, users, verificationTokens } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { loadActor } from "@/lib/auth/actor";
import { SESSION_ABSOLUTE_HOURS, SESSION_IDLE_HOURS, startSession, withSessionRules } from "@/lib/auth/sessions";
import { NotFoundError, RuleError } from "@/lib/errors";
import { listAccounts, setAccountDisabled, signOutEverywhere } from "@/lib/users/accounts";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");
const HOUR = 3_600_000;

describe.each(KINDS)("accounts and sessions on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  const adapter = () => withSessionRules(DrizzleAdapter(db(), { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }), db());
  const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database?.close();
  });

  it("renews a used session for the idle period, never past twelve hours from its start", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-03T08:00:00Z"), toFake: ["Date"] });
    const id = await userId("anna.schmidt@example.de");
    const { sessionToken } = await adapter().createSession!({ sessionToken: "s-renew", userId: id, expires: new Date(0) });
    expect(sessionToken).toBe("s-renew");
    let found = await adapter().getSessionAndUser!("s-renew");
    expect(found?.session.expires.toISOString()).toBe(new Date(Date.now() + SESSION_IDLE_HOURS * HOUR).toISOString());
    vi.setSystemTime(new Date("2026-12-03T15:00:00Z"));
    const renewed = await adapter().updateSession!({ sessionToken: "s-renew" });
    expect(renewed?.expires.toISOString()).toBe(new Date(Date.parse("2026-12-03T08:00:00Z") + SESSION_ABSOLUTE_HOURS * HOUR).toISOString());
    vi.setSystemTime(new Date("2026-12-03T19:59:00Z"));
    found = await adapter().getSessionAndUser!("s-renew");
    expect(found?.user.email).toBe("anna.schmidt@example.de");
    vi.setSystemTime(new Date("2026-12-03T20:00:00Z"));
    expect(await adapter().getSessionAndUser!("s-renew")).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.sessionToken, "s-renew"))).toEqual([]);
    vi.useRealTimers();
  });

  it("signs a person out on every device, and says so in the audit log", async () => {
    const id = await userId("anna.schmidt@example.de");
    const a = await startSession(db(), id);
    const b = await startSession(db(), id);
    const other = await startSession(db(), await userId("admin@mparticle.example"));
    const anna = await actorByEmail(db(), "anna.schmidt@example.de");
    expect(await signOutEverywhere(db(), anna, NOW)).toBeGreaterThanOrEqual(2);
    expect(await adapter().getSessionAndUser!(a.sessionToken)).toBeNull();
    expect(await adapter().getSessionAndUser!(b.sessionToken)).toBeNull();
    expect((await adapter().getSessionAndUser!(other.sessionToken))?.user.email).toBe("admin@mparticle.example");
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "sessions_ended"));
    expect(audit).toMatchObject({ actorUserId: id, entityId: id });
  });

  it("disables an account: its sessions end, its actor is anonymous, and an administrator enables it again", async () => {
    const admin = await actorByEmail(db(), "admin@recourse.example");
    const id = await userId("admin@mparticle.example");
    const session = await startSession(db(), id);
    await setAccountDisabled(db(), admin, id, true, NOW, "left the company");
    expect(await adapter().getSessionAndUser!(session.sessionToken)).toBeNull();
    expect(await loadActor(db(), id)).toEqual({ kind: "anonymous" });
    const listed = (await listAccounts(db(), admin, "mparticle")).find((u) => u.id === id);
    expect(listed?.disabledAt?.toISOString()).toBe(NOW.toISOString());
    expect(listed?.roles.map((r) => r.role)).toContain("org_admin");
    // A second disabling changes nothing and audits nothing.
    await setAccountDisabled(db(), admin, id, true, new Date(NOW.getTime() + HOUR), "again");
    const audits = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === "account_disabled")).toHaveLength(1);
    expect(audits.find((a) => a.action === "account_disabled")?.data).toMatchObject({ reason: "left the company" });

    await setAccountDisabled(db(), admin, id, false, NOW);
    expect((await loadActor(db(), id)).kind).toBe("user");
  });

  it("lets only administrators list or disable accounts, and never their own", async () => {
    const admin = await actorByEmail(db(), "admin@recourse.example");
    const staff = await actorByEmail(db(), "admin@mparticle.example");
    await expect(listAccounts(db(), staff)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAccountDisabled(db(), staff, await userId("anna.schmidt@example.de"), true, NOW, "x")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAccountDisabled(db(), admin, admin.kind === "user" ? admin.userId : "", true, NOW, "x")).rejects.toBeInstanceOf(RuleError);
    await expect(setAccountDisabled(db(), admin, "no-such-user", true, NOW, "x")).rejects.toBeInstanceOf(NotFoundError);
  });
});
