/**
 * The recourse bodies as the administrators keep them: each body's details (data: name, contact
 * address, website) beside its published timeframes (rules: from the ladder, never stored here
 * apart from an IRM's own published clocks, R2.3). Changes are audited with what they replaced.
 */
import { asc, count, countDistinct, eq, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, certifications, memberships, providers } from "@/db/schema";
import type { Actor, ProviderKind } from "@/lib/auth/actor";
import { PARTY_OF_PROVIDER, requireAdmin } from "@/lib/auth/policy";
import type { RequestMeta } from "@/lib/cases/commands";
import { plain } from "@/lib/cases/filing-schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { bodyTimeframes, FRAMEWORK_IDS, FRAMEWORKS, regionsServedBy, type BodyTimeframe, type FrameworkId, type ProviderClockPolicy } from "@/lib/ladder";
import { auditedBy } from "./certification-status";

export interface BodyRow {
  id: string;
  slug: string;
  name: string;
  kind: ProviderKind;
  website: string | null;
  contactEmail: string | null;
  timeZone: string;
  /** The frameworks it serves: by region for the authorities, by the certifications naming it for a provider. */
  frameworks: FrameworkId[];
  /**
   * Organisations whose certifications send cases to it: a provider named as IRM; the DPA
   * bodies for the DPAs chosen as IRM or HR data in their region. Null where every
   * participant's cases may reach it (Commerce, arbitration, the complainant's own DPA).
   */
  organisations: number | null;
  accounts: number;
  /** Whether the body publishes clocks of its own (R2.3); otherwise the ladder's defaults apply. */
  ownTimeframe: boolean;
  timeframes: BodyTimeframe[];
}

const regionalFrameworks = (kind: ProviderKind) => {
  const regions = regionsServedBy(kind);
  return regions ? FRAMEWORK_IDS.filter((f) => regions.includes(FRAMEWORKS[f].region)) : null;
};

/** Every body, by kind then name, for the administrators. */
export async function listBodies(db: Db, actor: Actor): Promise<BodyRow[]> {
  requireAdmin(actor);
  const [rows, accounts, named, namingOrgs, dpaRouted] = await Promise.all([
    db.select().from(providers).orderBy(asc(providers.kind), asc(providers.name)),
    db.select({ providerId: memberships.providerId, n: count() }).from(memberships).where(isNotNull(memberships.providerId)).groupBy(memberships.providerId),
    db
      .selectDistinct({ providerId: certifications.irmProviderId, framework: certifications.framework })
      .from(certifications)
      .where(isNotNull(certifications.irmProviderId)),
    db
      .select({ providerId: certifications.irmProviderId, n: countDistinct(certifications.organisationId) })
      .from(certifications)
      .where(isNotNull(certifications.irmProviderId))
      .groupBy(certifications.irmProviderId),
    db
      .select({ organisationId: certifications.organisationId, framework: certifications.framework })
      .from(certifications)
      .where(or(eq(certifications.irmKind, "dpa"), eq(certifications.coversHrData, true))),
  ]);
  return rows.map((p) => {
    const regional = regionalFrameworks(p.kind);
    const naming = named.filter((n) => n.providerId === p.id);
    const routesByRegion = ["dpa_panel", "fdpic", "ico", "gra"].includes(p.kind) && regional ? new Set(dpaRouted.filter((c) => regional.includes(c.framework)).map((c) => c.organisationId)).size : null;
    const own = p.kind === "adr" ? ((p.clockPolicy as ProviderClockPolicy | null) ?? null) : null;
    return {
      id: p.id,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      website: p.website,
      contactEmail: p.contactEmail,
      timeZone: p.timeZone,
      frameworks: regional ?? FRAMEWORK_IDS.filter((f) => naming.some((n) => n.framework === f)),
      organisations: p.kind === "adr" ? (namingOrgs.find((n) => n.providerId === p.id)?.n ?? 0) : routesByRegion,
      accounts: accounts.find((a) => a.providerId === p.id)?.n ?? 0,
      ownTimeframe: !!own,
      timeframes: bodyTimeframes(PARTY_OF_PROVIDER[p.kind], own),
    };
  });
}

export const bodyDetailsSchema = z.object({
  providerId: z.string().uuid({ message: "not_found" }),
  name: plain(200).pipe(z.string().min(1, { message: "required" })),
  contactEmail: z.union([z.literal(""), z.string().trim().max(320).email({ message: "invalid_email" })]),
  website: z.union([z.literal(""), z.string().trim().max(500).url({ message: "invalid" }).refine((u) => /^https?:\/\//.test(u), { message: "invalid" })]),
});

/** Sets a body's details. Its kind, its time zone and its clocks are not details: they move deadlines. */
export async function updateBodyDetails(db: Db, actor: Actor, raw: unknown, now: Date, meta: RequestMeta = {}) {
  requireAdmin(actor);
  const parsed = bodyDetailsSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    if (errors.providerId) throw new NotFoundError();
    throw new ValidationError(errors);
  }
  const { providerId, ...input } = parsed.data;
  const next = { name: input.name, contactEmail: input.contactEmail || null, website: input.website || null };
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: providers.name, contactEmail: providers.contactEmail, website: providers.website })
      .from(providers)
      .where(eq(providers.id, providerId))
      .for("update");
    if (!before) throw new NotFoundError();
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]);
    if (!changed.length) return;
    await tx.update(providers).set(next).where(eq(providers.id, providerId));
    await tx.insert(auditLog).values({
      entity: "provider",
      entityId: providerId,
      action: "details_updated",
      data: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      ...auditedBy(actor, now, meta),
    });
  });
}
