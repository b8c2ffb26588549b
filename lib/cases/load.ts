/**
 * Gathers a case's facts for the ladder from the database.
 */
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inList } from "@/db/in-list";
import { groupBy } from "@/lib/group-by";
import { caseBodies, caseEvents, cases, organisations, providers } from "@/db/schema";
import type { CaseFacts, Certification, ProviderClockPolicy } from "@/lib/ladder";
import { fromStored } from "./event-codec";

export type CaseRow = typeof cases.$inferSelect;
type Reader = Db | Tx;

/** What of a case row its facts are built from (a sweep reads no more than it needs). */
export type FactsRow = Pick<CaseRow, "id" | "organisationId" | "framework" | "hrData" | "complainantCountry" | "workCountry" | "dataSubject" | "certificationSnapshot">;

export interface LoadedCase<R extends FactsRow = CaseRow> {
  row: R;
  facts: CaseFacts;
  /** Providers the case has been handed to, with the rung and time of hand-over. */
  bodies: { providerId: string; rung: string; since: Date; name: string; kind: string; handoverSha256: string | null }[];
  /** The history as stored: what the timeline shows and the hash chain continues from. */
  events: StoredCaseEvent[];
  organisation: CaseOrganisation;
  /** The dispute resolution provider the company's certification names, by name (R1.3); null where it names none. */
  irmName: string | null;
}

/** What of the organisation a case's facts and its page read (the sweep loads thousands). */
const caseOrganisation = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  timeZone: organisations.timeZone,
  claimsParticipation: organisations.claimsParticipation,
  acknowledgePolicy: organisations.acknowledgePolicy,
  irmOnMissedAcknowledgment: organisations.irmOnMissedAcknowledgment,
};
export type CaseOrganisation = { [K in keyof typeof caseOrganisation]: (typeof organisations.$inferSelect)[K] };

const ZONE_OF_RUNG: Record<string, keyof NonNullable<CaseFacts["zones"]>> = {
  irm: "irm",
  dpa_panel: "dpa_panel",
  commerce: "commerce",
  arbitration: "arbitration",
};

/** The facts once the body at `rung` holds the case: its clocks count in that body's zone. */
export function withBodyZone(facts: CaseFacts, rung: string, zone: string): CaseFacts {
  const key = ZONE_OF_RUNG[rung];
  return key ? { ...facts, zones: { ...facts.zones, [key]: zone } } : facts;
}

/** The columns of a case event the ladder, the timeline and the chain read. */
const storedEvent = {
  caseId: caseEvents.caseId,
  seq: caseEvents.seq,
  type: caseEvents.type,
  at: caseEvents.at,
  party: caseEvents.party,
  data: caseEvents.data,
  hash: caseEvents.hash,
};
export type StoredCaseEvent = { [K in keyof typeof storedEvent]: (typeof caseEvents.$inferSelect)[K] };

export async function loadCase(db: Reader, row: CaseRow): Promise<LoadedCase> {
  return (await loadCases(db, [row]))[0]!;
}

/** Loads many cases with a fixed number of queries, whatever their count (the deadline sweep). */
export async function loadCases<R extends FactsRow>(db: Reader, rows: R[]): Promise<LoadedCase<R>[]> {
  if (!rows.length) return [];
  const caseIds = rows.map((r) => r.id);
  const irmProviderIds = [...new Set(rows.map((r) => irmProviderOf(r)).filter((id): id is string => !!id))];
  const [events, orgs, bodies, irms] = await Promise.all([
    db.select(storedEvent).from(caseEvents).where(inList(caseEvents.caseId, caseIds)).orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
    db.select(caseOrganisation).from(organisations).where(inList(organisations.id, [...new Set(rows.map((r) => r.organisationId))])),
    db
      .select({ caseId: caseBodies.caseId, providerId: caseBodies.providerId, rung: caseBodies.rung, since: caseBodies.since, name: providers.name, kind: providers.kind, timeZone: providers.timeZone, handoverSha256: caseBodies.handoverSha256 })
      .from(caseBodies)
      .innerJoin(providers, eq(providers.id, caseBodies.providerId))
      .where(inList(caseBodies.caseId, caseIds)),
    irmProviderIds.length ? db.select({ id: providers.id, name: providers.name, clockPolicy: providers.clockPolicy }).from(providers).where(inList(providers.id, irmProviderIds)) : [],
  ]);
  const eventsOf = groupBy(events, (e) => e.caseId);
  const bodiesOf = groupBy(bodies, (b) => b.caseId);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const policyOf = new Map(irms.map((p) => [p.id, p.clockPolicy as ProviderClockPolicy | null]));
  const nameOf = new Map(irms.map((p) => [p.id, p.name]));

  return rows.map((row) => {
    const organisation = orgById.get(row.organisationId)!;
    const caseBodiesOf = bodiesOf.get(row.id) ?? [];
    const caseEventsOf = eventsOf.get(row.id) ?? [];
    const irmProviderId = irmProviderOf(row);
    const providerPolicies: Record<string, ProviderClockPolicy> = {};
    const irmPolicy = irmProviderId ? policyOf.get(irmProviderId) : null;
    if (irmProviderId && irmPolicy) providerPolicies[irmProviderId] = irmPolicy;
    const zones: CaseFacts["zones"] = { organisation: organisation.timeZone };
    for (const body of caseBodiesOf) {
      const zoneKey = ZONE_OF_RUNG[body.rung];
      if (zoneKey) zones[zoneKey] = body.timeZone;
    }
    const facts: CaseFacts = {
      subject: { framework: row.framework, hrData: row.hrData, complainantCountry: row.complainantCountry, workCountry: row.workCountry, dataSubject: row.dataSubject },
      certification: row.certificationSnapshot as Certification,
      claimsParticipation: organisation.claimsParticipation,
      providers: providerPolicies,
      organisationAcknowledge: organisation.acknowledgePolicy ?? undefined,
      irmOnMissedAcknowledgment: organisation.irmOnMissedAcknowledgment,
      zones,
      events: caseEventsOf.map(fromStored),
    };
    return { row, facts, bodies: caseBodiesOf.map(({ timeZone: _tz, caseId: _c, ...b }) => b), events: caseEventsOf, organisation, irmName: irmProviderId ? (nameOf.get(irmProviderId) ?? null) : null };
  });
}

function irmProviderOf(row: FactsRow): string | null {
  const certification = row.certificationSnapshot as Certification;
  return certification.irm?.kind === "provider" ? certification.irm.providerId : null;
}
