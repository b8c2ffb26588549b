/**
 * Handing a case to the body on the rung an event opens: the body gets the file as it stands
 * at that instant, dated and hashed, and later additions do not change it.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { attachments, caseBodies, caseEvents, messages, providers } from "@/db/schema";
import type { ProviderKind } from "@/lib/auth/actor";
import { documentsVisibleTo, PARTY_OF_PROVIDER } from "@/lib/auth/policy";
import { dpaBodyFor, handedOverBy, type Certification, type LadderEvent } from "@/lib/ladder";
import { sha256Of } from "./hash-chain";
import type { CaseRow } from "./load";

export type HandOverRow = Pick<CaseRow, "id" | "reference" | "certificationSnapshot" | "hrData" | "workCountry" | "complainantCountry">;

/** The provider that sits on a rung: the IRM named in the certification, or the body of that kind. */
async function providerOfKind(tx: Tx, kind: ProviderKind) {
  const [row] = await tx.select({ id: providers.id, kind: providers.kind, timeZone: providers.timeZone }).from(providers).where(eq(providers.kind, kind)).orderBy(asc(providers.createdAt)).limit(1);
  return row ?? null;
}

async function providerById(tx: Tx, id: string) {
  const [row] = await tx.select({ id: providers.id, kind: providers.kind, timeZone: providers.timeZone }).from(providers).where(eq(providers.id, id));
  return row ?? null;
}

/**
 * Hands the case to the body on the rung an event opens (the hand-over is dated). Returns the
 * rung and the receiving body's time zone, in which its clocks count, or null if none took it.
 */
export async function handOver(tx: Tx, row: HandOverRow, event: LadderEvent): Promise<{ rung: string; zone: string } | null> {
  const rung = handedOverBy(event);
  if (!rung) return null;
  const snapshot = row.certificationSnapshot as Certification;
  // R2.5: the DPA panel of the complainant's region; R2.7: their own DPA, which refers the matter to Commerce.
  const provider =
    rung === "irm" ? (snapshot.irm?.kind === "provider" ? await providerById(tx, snapshot.irm.providerId) : null)
    : rung === "dpa_panel" ? await providerOfKind(tx, dpaBodyFor(row.hrData && row.workCountry ? row.workCountry : row.complainantCountry, "panel"))
    : rung === "dpa" ? await providerOfKind(tx, dpaBodyFor(row.complainantCountry, "own"))
    : rung === "commerce" ? await providerOfKind(tx, "commerce")
    : await providerOfKind(tx, "arbitration_administrator");
  if (!provider) return null;
  const providerId = provider.id;
  // The receiving body gets the file as it stands now; later additions do not change it. It
  // lists only the documents that body reads on the case page (the policy's rule for its
  // party): another side's internal notes and their documents never travel with it.
  const [timeline, documents] = await Promise.all([
    tx.select({ seq: caseEvents.seq, type: caseEvents.type, at: caseEvents.at, party: caseEvents.party, hash: caseEvents.hash }).from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.seq)),
    tx
      .select({ filename: attachments.filename, mimeType: attachments.mimeType, size: attachments.size, sha256: attachments.sha256, addedAt: attachments.createdAt })
      .from(attachments)
      .leftJoin(messages, eq(messages.id, attachments.messageId))
      .where(and(eq(attachments.caseId, row.id), documentsVisibleTo(PARTY_OF_PROVIDER[provider.kind])))
      .orderBy(asc(attachments.createdAt)),
  ]);
  const handover = JSON.parse(JSON.stringify({ reference: row.reference, rung, handedOverAt: event.at, timeline, documents }));
  await tx
    .insert(caseBodies)
    .values({ caseId: row.id, providerId, rung, since: event.at, handover, handoverSha256: sha256Of(handover) })
    .onConflictDoNothing();
  return { rung, zone: provider.timeZone };
}
