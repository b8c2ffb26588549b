/**
 * A second factor for the privileged roles (organisation admins, recourse bodies, Commerce,
 * administrators): a time-based code from an authenticator app (RFC 6238, `otpauth`), or one
 * of ten single-use recovery codes. Outside demo mode a session of such a person acts with
 * none of those roles until it has passed the second factor (lib/auth/actor.ts), so every
 * query refuses what the role alone would allow; pages send the person to
 * /sign-in/second-factor. The app's secret is stored encrypted with a key derived from
 * AUTH_SECRET; recovery codes are stored hashed.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import QRCode from "qrcode";
import type { Db, Tx } from "@/db/client";
import { auditLog, sessions, users } from "@/db/schema";
import { demoMode } from "@/lib/demo";
import { RuleError, ValidationError } from "@/lib/errors";
import { rateLimited } from "@/lib/rate-limit";
import type { Membership } from "./actor";
import { seal as sealWith, unseal } from "./sealed";

export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Recourse";

/** Who needs a second factor: everyone with a role beyond a company's staff. */
export function isPrivileged(isAdmin: boolean, memberships: Pick<Membership, "role">[]): boolean {
  return isAdmin || memberships.some((m) => m.role !== "org_staff");
}

/** Demo mode's one-click accounts go without; everywhere else it is required. */
export function secondFactorRequired(): boolean {
  return !demoMode();
}

const seal = (plain: string) => sealWith("totp", plain);
const open = (sealed: string) => unseal("totp", sealed);

const totpFor = (email: string, base32: string) => new OTPAuth.TOTP({ issuer: ISSUER, label: email, algorithm: "SHA1", digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(base32) });

const normalise = (code: string) => code.replace(/[\s-]/g, "").toLowerCase();
const hashCode = (code: string) => createHash("sha256").update(`recourse:recovery:${normalise(code)}`).digest("hex");

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export type SecondFactorState = { enrolled: boolean };

export async function secondFactorState(db: Db, userId: string): Promise<SecondFactorState> {
  const [user] = await db.select({ enabled: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return { enrolled: Boolean(user?.enabled) };
}

/** A new secret to scan: kept pending until a code from it is confirmed. */
export async function beginEnrolment(db: Db, userId: string, email: string) {
  const [user] = await db.select({ enabled: users.totpEnabledAt, pending: users.totpPendingSecret }).from(users).where(eq(users.id, userId));
  if (user?.enabled) throw new RuleError({ code: "second_factor_enrolled" });
  let base32 = user?.pending ? open(user.pending) : null;
  if (!base32) {
    base32 = new OTPAuth.Secret({ size: 20 }).base32;
    await db.update(users).set({ totpPendingSecret: seal(base32) }).where(eq(users.id, userId));
  }
  const uri = totpFor(email, base32).toString();
  return { secret: base32.replace(/(.{4})/g, "$1 ").trim(), uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

async function limited(db: Db, userId: string, now: Date) {
  if (await rateLimited(db, [{ key: `second-factor:${userId}`, perMinute: 5 }], now)) throw new RuleError({ code: "rate_limited" });
}

function checkTotp(email: string, base32: string, code: string): boolean {
  const token = normalise(code);
  return /^\d{6}$/.test(token) && totpFor(email, base32).validate({ token, window: 1 }) !== null;
}

/** Confirms enrolment with a code from the app; marks the session and returns the recovery codes, shown once. */
export async function confirmEnrolment(db: Db, userId: string, email: string, sessionToken: string, code: string, now: Date): Promise<string[]> {
  await limited(db, userId, now);
  const [user] = await db.select({ pending: users.totpPendingSecret, enabled: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (user?.enabled) throw new RuleError({ code: "second_factor_enrolled" });
  if (!user?.pending) throw new RuleError({ code: "second_factor_restart" });
  const base32 = open(user.pending);
  if (!checkTotp(email, base32, code)) throw new ValidationError({ code: ["second_factor_wrong"] });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => randomBytes(5).toString("hex").replace(/(.{5})/, "$1-"));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: seal(base32), totpPendingSecret: null, totpEnabledAt: now, recoveryCodes: codes.map(hashCode) }).where(eq(users.id, userId));
    await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.sessionToken, sessionToken));
    await tx.insert(auditLog).values({ actorUserId: userId, entity: "user", entityId: userId, action: "second_factor_enrolled", data: {}, at: now });
  });
  return codes;
}

/** Checks a code from the app, or a recovery code (used up), and marks the session, in one transaction. */
export async function verifySecondFactor(db: Db, userId: string, email: string, sessionToken: string, code: string, now: Date): Promise<{ recoveryCodesLeft: number | null }> {
  await limited(db, userId, now);
  return db.transaction(async (tx) => {
    // Locked, so that one recovery code cannot pass two sessions at once.
    const [user] = await tx.select({ secret: users.totpSecret, codes: users.recoveryCodes }).from(users).where(eq(users.id, userId)).for("update");
    if (!user?.secret) throw new RuleError({ code: "second_factor_restart" });
    let recoveryCodesLeft: number | null = null;
    if (!checkTotp(email, open(user.secret), code)) {
      const hashed = hashCode(code);
      const match = user.codes.find((h) => sameHash(h, hashed));
      if (!match) throw new ValidationError({ code: ["second_factor_wrong"] });
      const left = user.codes.filter((h) => h !== match);
      await tx.update(users).set({ recoveryCodes: left }).where(eq(users.id, userId));
      recoveryCodesLeft = left.length;
    }
    await tx.update(sessions).set({ secondFactorAt: now }).where(eq(sessions.sessionToken, sessionToken));
    await tx.insert(auditLog).values({ actorUserId: userId, entity: "user", entityId: userId, action: recoveryCodesLeft === null ? "second_factor_passed" : "recovery_code_used", data: recoveryCodesLeft === null ? {} : { left: recoveryCodesLeft }, at: now });
    return { recoveryCodesLeft };
  });
}

/** An administrator's reset for someone who lost both the app and the codes: they enrol again at next sign-in. */
export async function resetSecondFactor(db: Db | Tx, userId: string) {
  await db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, recoveryCodes: [] }).where(eq(users.id, userId));
  await db.update(sessions).set({ secondFactorAt: null }).where(eq(sessions.userId, userId));
}
