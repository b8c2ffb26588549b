/**
 * The public directory: organisations, their certifications and recourse arrangements.
 * Public data, so no actor is needed to read it.
 */
import { asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/db/client";
import { certifications, organisations, providers } from "@/db/schema";
import { dpfSuccessor, FRAMEWORKS, participation, route, type Certification, type FrameworkId, type ParticipationAnswer } from "@/lib/ladder";

export interface OrganisationSummary {
  slug: string;
  name: string;
  city: string | null;
  country: string;
  participant: boolean;
}

function toCertification(c: typeof certifications.$inferSelect): Certification {
  return {
    framework: c.framework,
    status: c.status,
    retainsFrameworkData: c.retainsFrameworkData,
    irm: c.irmKind === "provider" && c.irmProviderId ? { kind: "provider", providerId: c.irmProviderId } : c.irmKind === "dpa" ? { kind: "dpa" } : null,
    coversHrData: c.coversHrData,
    alsoCovers: c.alsoCovers,
  };
}

/** Typo-tolerant search by name (pg_trgm word similarity), or every organisation. */
export async function searchOrganisations(db: Db, query = "", limit = 20): Promise<OrganisationSummary[]> {
  const q = query.trim().slice(0, 100);
  const base = db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name, city: organisations.city, country: organisations.country })
    .from(organisations);
  const rows = q
    ? await base
        .where(or(sql`word_similarity(${q}, ${organisations.name}) > 0.3`, ilike(organisations.name, `%${q.replace(/[%_\\]/g, "\\$&")}%`)))
        .orderBy(sql`word_similarity(${q}, ${organisations.name}) desc`, asc(organisations.name))
        .limit(limit)
    : await base.orderBy(asc(organisations.name)).limit(limit);
  const certs = rows.length ? await db.select().from(certifications) : [];
  return rows.map((o) => ({
    slug: o.slug,
    name: o.name,
    city: o.city,
    country: o.country,
    participant: certs.some((c) => c.organisationId === o.id && participation(toCertification(c)).participant),
  }));
}

export interface CertificationView {
  framework: FrameworkId;
  status: Certification["status"];
  /** When the status took effect and where it comes from (R1.2). */
  statusSince: Date;
  statusSource: string;
  /** R1.1: the DPF framework an active Privacy Shield certification runs under today. */
  successor: ReturnType<typeof dpfSuccessor>;
  participant: boolean;
  irm: { kind: "provider"; name: string; website: string | null } | { kind: "dpa" } | null;
  coversHrData: boolean | null;
  alsoCovers: readonly string[];
  /** The ladder for a non-HR and an HR complaint from the framework's region. */
  route: ReturnType<typeof route>;
  hrRoute: ReturnType<typeof route>;
}

export interface OrganisationProfile {
  id: string;
  slug: string;
  name: string;
  city: string | null;
  country: string;
  website: string | null;
  contactEmail: string | null;
  contactAddress: string | null;
  note: string | null;
  claimsParticipation: boolean;
  participant: boolean;
  /** Why the ladder does not apply (R1.2, R4.2); null for a participant. */
  notParticipantReason: Extract<ParticipationAnswer, { participant: false }>["reason"] | null;
  certifications: CertificationView[];
}

const SAMPLE_COUNTRY: Record<string, string> = { eu: "DE", swiss: "CH", uk: "GB" };

export async function getOrganisationProfile(db: Db, slug: string): Promise<OrganisationProfile | null> {
  const [o] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  if (!o) return null;
  const rows = await db
    .select({ cert: certifications, providerName: providers.name, providerWebsite: providers.website })
    .from(certifications)
    .leftJoin(providers, eq(providers.id, certifications.irmProviderId))
    .where(eq(certifications.organisationId, o.id))
    .orderBy(asc(certifications.framework));
  const answers: ParticipationAnswer[] = [];
  const views: CertificationView[] = rows.map(({ cert, providerName, providerWebsite }) => {
    const c = toCertification(cert);
    const country = SAMPLE_COUNTRY[FRAMEWORKS[c.framework].region]!;
    const subject = { framework: c.framework, complainantCountry: country, dataSubject: "self" as const };
    const answer = participation(c, o.claimsParticipation);
    answers.push(answer);
    return {
      framework: c.framework,
      status: c.status,
      statusSince: cert.statusSince,
      statusSource: cert.statusSource,
      successor: dpfSuccessor(c.framework, c.status),
      participant: answer.participant,
      irm: c.irm?.kind === "provider" ? { kind: "provider", name: providerName ?? "", website: providerWebsite } : c.irm,
      coversHrData: c.coversHrData,
      alsoCovers: c.alsoCovers ?? [],
      route: route({ ...subject, hrData: false }, c, o.claimsParticipation),
      hrRoute: route({ ...subject, hrData: true }, c, o.claimsParticipation),
    };
  });
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    city: o.city,
    country: o.country,
    website: o.website,
    contactEmail: o.contactEmail,
    contactAddress: o.contactAddress,
    note: o.note,
    claimsParticipation: o.claimsParticipation,
    participant: views.some((v) => v.participant),
    notParticipantReason: views.some((v) => v.participant) ? null : (["removed", "lapsed_without_data"] as const).find((r) => answers.some((a) => !a.participant && a.reason === r)) ?? "no_certification",
    certifications: views,
  };
}

/** The recourse bodies the actor works for, by name (a body's workspace is titled with them). */
export async function ownProviderNames(db: Db, actor: Actor): Promise<string[]> {
  if (actor.kind !== "user") return [];
  const ids = actor.memberships.map((m) => m.providerId).filter((id): id is string => !!id);
  if (!ids.length) return [];
  return (await db.select({ name: providers.name }).from(providers).where(inArray(providers.id, ids)).orderBy(asc(providers.name))).map((p) => p.name);
}
