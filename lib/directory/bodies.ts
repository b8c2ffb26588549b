/**
 * The recourse bodies as the administrators keep them: each body's details (data: name, contact
 * address, website) beside its published timeframes (rules: from the ladder, never stored here
 * apart from an IRM's own published clocks, R2.3, which an administrator sets, and the open
 * cases at that IRM are projected again to them). Changes are audited with what they replaced.
 */
import { and, asc, count, countDistinct, eq, inArray, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { auditLog, caseBodies, cases, certifications, memberships, providers } from "@/db/schema";
import type { Actor, ProviderKind } from "@/lib/auth/actor";
import { PARTY_OF_PROVIDER, requireAdmin } from "@/lib/auth/policy";
import { fieldErrorsOf, type RequestMeta } from "@/lib/cases/commands";
import { reprojectCases } from "@/lib/cases/projection";
import { plain } from "@/lib/cases/filing-schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { bodyTimeframes, DEFAULT_POLICY, FRAMEWORK_IDS, FRAMEWORKS, regionsServedBy, type BodyTimeframe, type FrameworkId, type ProviderClockPolicy } from "@/lib/ladder";
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
  /** An IRM's clocks as its clocks run to them (its own, or the defaults), for the form that sets them; null for other bodies. */
  clocks: ProviderClockPolicy | null;
  /** An IRM's open cases handed to it, whose due dates follow its clocks; null for other bodies. */
  openCases: number | null;
}

const regionalFrameworks = (kind: ProviderKind) => {
  const regions = regionsServedBy(kind);
  return regions ? FRAMEWORK_IDS.filter((f) => regions.includes(FRAMEWORKS[f].region)) : null;
};

/** Every body, by kind then name, for the administrators. */
export async function listBodies(db: Db, actor: Actor): Promise<BodyRow[]> {
  requireAdmin(actor);
  const [rows, accounts, named, namingOrgs, dpaRouted, held] = await Promise.all([
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
    db
      .select({ providerId: caseBodies.providerId, n: count() })
      .from(caseBodies)
      .innerJoin(cases, eq(cases.id, caseBodies.caseId))
      .where(and(eq(caseBodies.rung, "irm"), eq(cases.status, "open")))
      .groupBy(caseBodies.providerId),
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
      clocks: p.kind === "adr" ? (own ?? DEFAULT_POLICY.providerDefault) : null,
      openCases: p.kind === "adr" ? (held.find((h) => h.providerId === p.id)?.n ?? 0) : null,
    };
  });
}

export const bodyDetailsSchema = z.object({
  providerId: z.string().uuid({ message: "not_found" }),
  name: plain(200).pipe(z.string().min(1, { message: "required" })),
  contactEmail: z.union([z.literal(""), z.string().trim().max(320).email({ message: "invalid_email" })]),
  website: z.union([z.literal(""), z.string().trim().max(500).url({ message: "invalid" }).refine((u) => /^https?:\/\//.test(u), { message: "invalid" })]),
});

/** A body's form, parsed: a body that is not one is not found; otherwise every field's error. */
function parsedForBody<T extends z.ZodType<{ providerId: string }>>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = fieldErrorsOf(parsed.error);
  if (errors.providerId) throw new NotFoundError();
  throw new ValidationError(errors);
}

/** Sets a body's details. Its kind, its time zone and its clocks are not details: they move deadlines. */
export async function updateBodyDetails(db: Db, actor: Actor, raw: unknown, now: Date, meta: RequestMeta = {}) {
  requireAdmin(actor);
  const { providerId, ...input } = parsedForBody(bodyDetailsSchema, raw);
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

/** Bounds of a published timeframe, in days: a provider's figure, never zero, never beyond a year. */
export const CLOCK_DAYS = { min: 1, max: 365 } as const;

/** A whole number of days from a form's text (or a number): "required" when empty, "days_range" otherwise when refused. */
const days = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : typeof v === "string" ? Number(v.trim()) : v),
  z
    .number({ error: (issue) => (issue.input === undefined ? "required" : "days_range") })
    .int({ message: "days_range" })
    .min(CLOCK_DAYS.min, { message: "days_range" })
    .max(CLOCK_DAYS.max, { message: "days_range" }),
);
const unit = z.enum(["calendar", "working"], { message: "invalid" });

/** An IRM's own clocks (R2.3), as `ProviderClockPolicy` holds them. */
export const bodyClocksSchema = z.object({
  providerId: z.string().uuid({ message: "not_found" }),
  acknowledgeDays: days,
  acknowledgeUnit: unit,
  determinationDays: days,
  determinationUnit: unit,
  pausesWhileAwaitingComplainant: z.boolean(),
});

/**
 * Sets an IRM's own published clocks (R2.3) and projects again every open case handed to it:
 * the ladder works out their due dates from the new figures (a clock already recorded as missed
 * stays missed). One transaction: the policy, the cases' deadlines and the audit entry (with
 * what it replaced and how many cases were recomputed). Returns how many cases were recomputed.
 */
export async function updateBodyClocks(db: Db, actor: Actor, raw: unknown, now: Date, meta: RequestMeta = {}): Promise<{ recomputed: number }> {
  requireAdmin(actor);
  const { providerId, ...input } = parsedForBody(bodyClocksSchema, raw);
  const next: ProviderClockPolicy = {
    acknowledge: { days: input.acknowledgeDays, unit: input.acknowledgeUnit },
    determination: { days: input.determinationDays, unit: input.determinationUnit },
    pausesWhileAwaitingComplainant: input.pausesWhileAwaitingComplainant,
  };
  return db.transaction(async (tx) => {
    const [provider] = await tx.select({ kind: providers.kind, clockPolicy: providers.clockPolicy }).from(providers).where(eq(providers.id, providerId)).for("update");
    // Only an IRM publishes clocks of its own; the other bodies' come from the framework and Recourse's policies.
    if (!provider || provider.kind !== "adr") throw new NotFoundError();
    const before = (provider.clockPolicy as ProviderClockPolicy | null) ?? null;
    if (before && sameClocks(before, next)) return { recomputed: 0 };
    await tx.update(providers).set({ clockPolicy: next }).where(eq(providers.id, providerId));
    // The open cases whose IRM clocks run at this provider: those handed to it as their IRM.
    // Locked like a step's case, so a step taken meanwhile waits and reads the new clocks.
    const held = tx.select({ id: caseBodies.caseId }).from(caseBodies).where(and(eq(caseBodies.providerId, providerId), eq(caseBodies.rung, "irm")));
    const rows = await tx
      .select({ id: cases.id, version: cases.version, organisationId: cases.organisationId, framework: cases.framework, hrData: cases.hrData, complainantCountry: cases.complainantCountry, workCountry: cases.workCountry, dataSubject: cases.dataSubject, certificationSnapshot: cases.certificationSnapshot })
      .from(cases)
      .where(and(inArray(cases.id, held), eq(cases.status, "open")))
      .orderBy(asc(cases.id))
      .for("update");
    for (let i = 0; i < rows.length; i += REPROJECT_BATCH) await reprojectCases(tx, rows.slice(i, i + REPROJECT_BATCH), now);
    await tx.insert(auditLog).values({
      entity: "provider",
      entityId: providerId,
      action: "clocks_updated",
      data: { rule: "R2.3", before, after: next, recomputedCases: rows.length },
      ...auditedBy(actor, now, meta),
    });
    return { recomputed: rows.length };
  });
}

const sameSpan = (a: ProviderClockPolicy["acknowledge"], b: ProviderClockPolicy["acknowledge"]) => a.days === b.days && a.unit === b.unit;
/** Field by field: a stored jsonb object comes back with its keys in another order. */
const sameClocks = (a: ProviderClockPolicy, b: ProviderClockPolicy) =>
  sameSpan(a.acknowledge, b.acknowledge) && sameSpan(a.determination, b.determination) && a.pausesWhileAwaitingComplainant === b.pausesWhileAwaitingComplainant;

/** Cases loaded and projected at once while re-projecting: bounds memory, not the transaction. */
const REPROJECT_BATCH = 500;

/**
 * Whether a body goes by a name of its own (a dispute resolution provider, the arbitration
 * administrator: proper names, never translated) or is an authority that each language names
 * in its own words (messages `bodies.authority`), so its stored name is not shown.
 */
export const hasOwnName = (kind: ProviderKind) => kind === "adr" || kind === "arbitration_administrator";
