/**
 * API tokens of an organisation or a body: created (the token is handed back once), listed
 * and revoked by those the policy lets manage them, each change audited. Every API call is
 * audited under the token's name.
 */
import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, auditLog, organisations, providers } from "@/db/schema";
import type { Actor, Principal } from "@/lib/auth/actor";
import { TOKEN_PREFIX, tokenSha256, type CallingToken } from "@/lib/auth/api-token";
import { canManageApiTokens, managedPrincipals } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { DAY_MS } from "@/lib/ladder";
import type { RequestMeta } from "@/lib/cases/commands";

export const TOKEN_SCOPES = ["read", "act"] as const;
export const TOKEN_LIFETIMES = [30, 90, 365] as const;

export const newTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  scope: z.enum(TOKEN_SCOPES, { message: "invalid" }),
  days: z.coerce.number().int().refine((d) => (TOKEN_LIFETIMES as readonly number[]).includes(d), { message: "invalid" }),
});
export type NewToken = z.infer<typeof newTokenSchema>;

export interface TokenListItem {
  id: string;
  name: string;
  scope: "read" | "act";
  hint: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const ownerCondition = (p: Principal) => (p.organisationId ? eq(apiTokens.organisationId, p.organisationId) : eq(apiTokens.providerId, p.providerId!));
const entityOf = (p: Principal) => (p.organisationId ? { entity: "organisation", entityId: p.organisationId } : { entity: "provider", entityId: p.providerId! });

export interface TokenOwner {
  /** `organisation:<id>` or `body:<id>`, as the settings page names it in its address. */
  key: string;
  principal: Principal;
  name: string;
}

export const ownerKey = (p: Principal) => (p.organisationId ? `organisation:${p.organisationId}` : `body:${p.providerId}`);

/** The principal a key names, or null. */
export function principalOfKey(key: string | undefined): Principal | null {
  const match = /^(organisation|body):([0-9a-f-]{36})$/i.exec(key ?? "");
  if (!match) return null;
  return match[1] === "organisation" ? { organisationId: match[2]! } : { providerId: match[2]! };
}

/** Whose tokens the actor manages: its own organisation or body; every one for the administrators. */
export async function tokenOwners(db: Db, actor: Actor): Promise<TokenOwner[]> {
  if (actor.kind !== "user") return [];
  const [orgs, bodies] = await Promise.all([db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(organisations.name), db.select({ id: providers.id, name: providers.name }).from(providers).orderBy(providers.name)]);
  const all: TokenOwner[] = [
    ...orgs.map((o) => ({ key: ownerKey({ organisationId: o.id }), principal: { organisationId: o.id }, name: o.name })),
    ...bodies.map((b) => ({ key: ownerKey({ providerId: b.id }), principal: { providerId: b.id }, name: b.name })),
  ];
  if (actor.isAdmin) return all;
  const own = new Set(managedPrincipals(actor).map(ownerKey));
  return all.filter((o) => own.has(o.key));
}

/** The principal's name, for the settings page; not found for anyone who may not manage it. */
export async function principalName(db: Db, actor: Actor, principal: Principal): Promise<string> {
  if (!canManageApiTokens(actor, principal)) throw new NotFoundError();
  const [row] = principal.organisationId
    ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, principal.organisationId))
    : await db.select({ name: providers.name }).from(providers).where(eq(providers.id, principal.providerId!));
  if (!row) throw new NotFoundError();
  return row.name;
}

/** Makes a token and hands it back: the only time it can be read. */
export async function createApiToken(db: Db, actor: Actor, principal: Principal, input: NewToken, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  await principalName(db, actor, principal);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        organisationId: principal.organisationId ?? null,
        providerId: principal.providerId ?? null,
        name: input.name,
        scope: input.scope,
        tokenSha256: tokenSha256(token),
        hint: token.slice(0, 7),
        createdByUserId: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: apiTokens.id });
    await tx.insert(auditLog).values({ actorUserId: actor.kind === "user" ? actor.userId : null, ...entityOf(principal), action: "api_token_created", data: { tokenId: row!.id, name: input.name, scope: input.scope, expiresAt }, at: now });
    return { id: row!.id, token, expiresAt };
  });
}

export async function listApiTokens(db: Db, actor: Actor, principal: Principal): Promise<TokenListItem[]> {
  if (!canManageApiTokens(actor, principal)) throw new NotFoundError();
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope, hint: apiTokens.hint, createdAt: apiTokens.createdAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(ownerCondition(principal))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token at once; revoking it again changes nothing. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now: Date): Promise<void> {
  if (!z.uuid().safeParse(tokenId).success) throw new NotFoundError();
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
  if (!row) throw new NotFoundError();
  const principal: Principal = row.organisationId ? { organisationId: row.organisationId } : { providerId: row.providerId! };
  if (!canManageApiTokens(actor, principal)) throw new NotFoundError();
  if (row.revokedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
    await tx.insert(auditLog).values({ actorUserId: actor.kind === "user" ? actor.userId : null, ...entityOf(principal), action: "api_token_revoked", data: { tokenId, name: row.name }, at: now });
  });
}

/** One API call in the audit log, under the token's name: what was asked and how it was answered. */
export async function auditApiCall(db: Db, token: CallingToken, call: { method: string; path: string; status: number; problem?: string }, meta: RequestMeta, now: Date): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: null,
    entity: "api_token",
    entityId: token.id,
    action: "api_call",
    data: { token: token.name, ...call },
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
    at: now,
  });
}
