/**
 * Gathers a case's facts for the ladder from the database.
 */
import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { caseBodies, caseEvents, cases, organisations, providers } from "@/db/schema";
import type { CaseFacts, Certification, ProviderClockPolicy } from "@/lib/ladder";
import { fromStored } from "./event-codec";

export type CaseRow = typeof cases.$inferSelect;
type Reader = Db | Tx;

export interface LoadedCase {
  row: CaseRow;
  facts: CaseFacts;
  /** Providers the case has been handed to, with the rung and time of hand-over. */
  bodies: { providerId: string; rung: string; since: Date; name: string; kind: string; handoverSha256: string | null }[];
  events: (typeof caseEvents.$inferSelect)[];
  organisation: typeof organisations.$inferSelect;
}

const ZONE_OF_RUNG: Record<string, keyof NonNullable<CaseFacts["zones"]>> = {
  irm: "irm",
  dpa_panel: "dpa_panel",
  commerce: "commerce",
  arbitration: "arbitration",
};

export async function loadCase(db: Reader, row: CaseRow): Promise<LoadedCase> {
  const [events, [organisation], bodies] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq)),
    db.select().from(organisations).where(eq(organisations.id, row.organisationId)),
    db
      .select({ providerId: caseBodies.providerId, rung: caseBodies.rung, since: caseBodies.since, name: providers.name, kind: providers.kind, timeZone: providers.timeZone, handoverSha256: caseBodies.handoverSha256 })
      .from(caseBodies)
      .innerJoin(providers, eq(providers.id, caseBodies.providerId))
      .where(eq(caseBodies.caseId, row.id)),
  ]);
  const certification = row.certificationSnapshot as Certification;
  const irmProviderId = certification.irm?.kind === "provider" ? certification.irm.providerId : null;
  const providerPolicies: Record<string, ProviderClockPolicy> = {};
  if (irmProviderId) {
    const [irm] = await db.select({ clockPolicy: providers.clockPolicy }).from(providers).where(eq(providers.id, irmProviderId));
    if (irm?.clockPolicy) providerPolicies[irmProviderId] = irm.clockPolicy as ProviderClockPolicy;
  }
  const zones: CaseFacts["zones"] = { organisation: organisation!.timeZone };
  for (const body of bodies) {
    const zoneKey = ZONE_OF_RUNG[body.rung];
    if (zoneKey) zones[zoneKey] = body.timeZone;
  }
  const facts: CaseFacts = {
    subject: { framework: row.framework, hrData: row.hrData, complainantCountry: row.complainantCountry, dataSubject: row.dataSubject },
    certification,
    claimsParticipation: organisation!.claimsParticipation,
    providers: providerPolicies,
    organisationAcknowledge: organisation!.acknowledgePolicy ?? undefined,
    zones,
    events: events.map(fromStored),
  };
  return { row, facts, bodies: bodies.map(({ timeZone: _tz, ...b }) => b), events, organisation: organisation! };
}
