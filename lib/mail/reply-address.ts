/**
 * Which notices carry a reply address: those about a case to its complainant or its
 * company's people, whose replies go to the thread they share.
 */
import type { Db } from "@/db/client";
import { cases } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { partiesOnCase, scopeToCase } from "@/lib/auth/policy";
import { isUuid } from "@/lib/ids";
import type { Party } from "@/lib/ladder";
import { inboundSettings } from "./inbound-settings";
import { replyAddress, type ReplyToken } from "./reply-token";

/** The parties whose shared thread a reply goes to, in order of preference. */
const REPLYING_PARTIES: Party[] = ["complainant", "organisation"];

export async function replyingActor(db: Db, token: ReplyToken) {
  const actor = await loadActor(db, token.userId);
  if (actor.kind !== "user") return null;
  const [row] = await db.select({ complainantUserId: cases.complainantUserId, organisationId: cases.organisationId, status: cases.status }).from(cases).where(scopeToCase(actor, token.caseId));
  if (!row) return null;
  const party = REPLYING_PARTIES.find((p) => partiesOnCase(actor, { ...row, providerIds: [] }).includes(p));
  return party ? { actor, party, row } : null;
}

/**
 * The reply address for a notice about a case to one person, or null: only the case's
 * complainant and its company's people get one (their replies go to the thread they share).
 */
export async function replyAddressFor(db: Db, userId: string | null, caseId: string | null, now: Date, settings = inboundSettings()): Promise<{ address: string; party: Party } | null> {
  if (!settings || !isUuid(userId) || !isUuid(caseId)) return null;
  const found = await replyingActor(db, { userId, caseId, expiresAt: null });
  if (!found || found.row.status === "closed") return null;
  return { address: replyAddress(caseId, userId, settings.domain, now), party: found.party };
}
