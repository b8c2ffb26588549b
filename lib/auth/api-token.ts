/**
 * An API call's bearer token to the actor it acts as. Tokens are `rk_` and 43 characters of
 * base64url (256 random bits); only their SHA-256 is stored, so a lookup by hash is the check.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { principalActor, type Actor, type Principal } from "./actor";

export const TOKEN_PREFIX = "rk_";
const TOKEN_SHAPE = /^rk_[A-Za-z0-9_-]{43}$/;

export const tokenSha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** What the audit and the rate limit name a call by. */
export interface CallingToken {
  id: string;
  name: string;
}

export type TokenCheck =
  | { ok: true; actor: Actor; token: CallingToken }
  | { ok: false; reason: "missing" | "unknown" }
  | { ok: false; reason: "revoked" | "expired"; token: CallingToken };

/** The bearer token of an `Authorization` header, or null. */
export function bearerOf(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match ? match[1]! : null;
}

export async function actorOfToken(db: Db, token: string | null, now: Date): Promise<TokenCheck> {
  if (!token) return { ok: false, reason: "missing" };
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "unknown" };
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.tokenSha256, tokenSha256(token)));
  if (!row) return { ok: false, reason: "unknown" };
  const calling = { id: row.id, name: row.name };
  if (row.revokedAt) return { ok: false, reason: "revoked", token: calling };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired", token: calling };
  const principal: Principal = row.organisationId ? { organisationId: row.organisationId } : { providerId: row.providerId! };
  const actor = await principalActor(db, { id: row.id, name: row.name, scope: row.scope }, principal);
  if (actor.kind === "anonymous") return { ok: false, reason: "unknown" };
  // Last use to the minute is enough to tell a live token from a forgotten one.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return { ok: true, actor, token: calling };
}
