/**
 * The second factor for privileged roles (issue 21 item 5): until a session has passed it, the
 * data layer's actor carries none of the person's roles, so no query grants what the role
 * alone would; enrolment needs a code from the app, recovery codes work once.
 */
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { loadActor } from "@/lib/auth/actor";
import { beginEnrolment, confirmEnrolment, verifySecondFactor } from "@/lib/auth/second-factor";
import { startSession } from "@/lib/auth/sessions";
import { listCases } from "@/lib/cases/queries";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { resetAccountSecondFactor } from "@/lib/users/accounts";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";

const NOW = new Date("2026-11-24T10:00:00Z");
const code = (secret: string, at = Date.now()) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret.replace(/\s/g, "")) }).generate({ timestamp: at });

describe.each(KINDS)("second factor on %s", (kind) => {
  let database: TestDatabase;
  const db = () => database.db;
  const passed = async (token: string) => Boolean((await db().select({ at: sessions.secondFactorAt }).from(sessions).where(eq(sessions.sessionToken, token)))[0]?.at);
  const userId = async (email: string) => (await db().select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDemo(database.db, NOW);
    delete process.env.RECOURSE_RATE_LIMIT;
  });
  afterAll(async () => database?.close());

  it("a privileged session without the second factor acts with no role, and sees no case its role would show", async () => {
    const id = await userId("liaison@bbb.example");
    const full = await loadActor(db(), id);
    const pending = await loadActor(db(), id, { secondFactorPassed: false });
    expect(pending).toMatchObject({ kind: "user", isAdmin: false, memberships: [], secondFactor: "enrol" });
    expect(full).toMatchObject({ memberships: [expect.objectContaining({ role: "provider_liaison" })] });
    const adminId = await userId("admin@recourse.example");
    const admin = await loadActor(db(), adminId, { secondFactorPassed: false });
    expect(admin).toMatchObject({ isAdmin: false, secondFactor: "enrol" });
    expect((await listCases(db(), await loadActor(db(), adminId, { secondFactorPassed: true }))).length).toBeGreaterThan(0);
    expect(await listCases(db(), admin)).toEqual([]);
    // Company staff and complainants need none.
    expect((await loadActor(db(), await userId("staff@mparticle.example"), { secondFactorPassed: false })).kind === "user").toBe(true);
    expect(await loadActor(db(), await userId("staff@mparticle.example"), { secondFactorPassed: false })).not.toHaveProperty("secondFactor");
  });

  it("enrols with a code from the app, returns ten recovery codes, and marks only that session", async () => {
    const id = await userId("liaison@bbb.example");
    const browser = await startSession(db(), id);
    const other = await startSession(db(), id);
    const { secret, uri } = await beginEnrolment(db(), id, "liaison@bbb.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Recourse:liaison%40bbb\.example\?/);
    // The same secret until it is confirmed (a reload shows the same code to scan).
    expect((await beginEnrolment(db(), id, "liaison@bbb.example")).secret).toBe(secret);
    await expect(confirmEnrolment(db(), id, "liaison@bbb.example", browser.sessionToken, "000000", NOW)).rejects.toBeInstanceOf(ValidationError);
    const codes = await confirmEnrolment(db(), id, "liaison@bbb.example", browser.sessionToken, code(secret), NOW);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await passed(browser.sessionToken)).toBe(true);
    expect(await passed(other.sessionToken)).toBe(false);
    expect(await loadActor(db(), id, { secondFactorPassed: false })).toMatchObject({ secondFactor: "verify" });
    await expect(beginEnrolment(db(), id, "liaison@bbb.example")).rejects.toBeInstanceOf(RuleError);
    // Nothing readable is stored: the secret is sealed, the codes hashed.
    const [row] = await db().select().from(users).where(eq(users.id, id));
    expect(row!.totpSecret).not.toContain(secret.replace(/\s/g, ""));
    expect(JSON.stringify(row!.recoveryCodes)).not.toContain(codes[0]!);

    // The other browser passes with a code from the app, or with a recovery code, once.
    await verifySecondFactor(db(), id, "liaison@bbb.example", other.sessionToken, code(secret), NOW);
    expect(await passed(other.sessionToken)).toBe(true);
    const third = await startSession(db(), id);
    expect(await verifySecondFactor(db(), id, "liaison@bbb.example", third.sessionToken, codes[3]!.toUpperCase(), NOW)).toEqual({ recoveryCodesLeft: 9 });
    const fourth = await startSession(db(), id);
    await expect(verifySecondFactor(db(), id, "liaison@bbb.example", fourth.sessionToken, codes[3]!, NOW)).rejects.toBeInstanceOf(ValidationError);
    expect(await passed(fourth.sessionToken)).toBe(false);
    // Two sessions sending one recovery code at once (a minute on, clear of the rate limit): one passes, the other is refused.
    const [fifth, sixth] = [await startSession(db(), id), await startSession(db(), id)];
    const both = await Promise.allSettled([fifth, sixth].map((s) => verifySecondFactor(db(), id, "liaison@bbb.example", s.sessionToken, codes[5]!, new Date(NOW.getTime() + 120_000))));
    expect(both.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect([await passed(fifth.sessionToken), await passed(sixth.sessionToken)].filter(Boolean)).toHaveLength(1);
  });

  it("limits guessing to five codes a minute", async () => {
    const id = await userId("liaison@bbb.example");
    const session = await startSession(db(), id);
    const at = new Date("2026-11-24T11:00:00Z");
    for (let i = 0; i < 5; i++) await expect(verifySecondFactor(db(), id, "liaison@bbb.example", session.sessionToken, "111111", at)).rejects.toBeInstanceOf(ValidationError);
    await expect(verifySecondFactor(db(), id, "liaison@bbb.example", session.sessionToken, "111111", at)).rejects.toMatchObject({ reason: { code: "rate_limited" } });
    expect((await db().select().from(sessions).where(eq(sessions.sessionToken, session.sessionToken)))[0]!.secondFactorAt).toBeNull();
  });

  it("an administrator resets a lost second factor: the person enrols again, and the reset is audited", async () => {
    const id = await userId("liaison@bbb.example");
    const admin = await loadActor(db(), await userId("admin@recourse.example"));
    await expect(resetAccountSecondFactor(db(), await loadActor(db(), await userId("staff@mparticle.example")), id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await resetAccountSecondFactor(db(), admin, id, NOW);
    expect(await loadActor(db(), id, { secondFactorPassed: false })).toMatchObject({ secondFactor: "enrol" });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "second_factor_reset")));
    expect(audit).toBeDefined();
  });
});
