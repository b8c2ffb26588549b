/**
 * A notice: who is told, which kind of message, and the parameters it is worded with. Each
 * kind has its own module in `kinds/` (who receives it, what it carries); its words are the
 * messages `notify.<kind>` in messages/*.json, rendered by render.ts in the reader's language.
 */
import type { BodyPlace, Party } from "@/lib/ladder";

/** A rung as case_bodies names it: the body that holds the case there. */
export type BodyRung = BodyPlace;

export type Audience =
  | { to: "complainant" }
  /** The assignee, or every member of the organisation when nobody is assigned. */
  | { to: "organisation" }
  | { to: "body"; rung: BodyRung }
  | { to: "administrators" }
  | { to: "user"; userId: string };

export const NOTICE_KINDS = [
  "filed",
  "new-case",
  "step",
  "escalated",
  "moved-up",
  "remedies-ordered",
  "rung-opened",
  "assigned",
  "reminder",
  "breach",
  "missed",
  "referral-proposed",
  "webhook-disabled",
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Parameters: `step`, `clock`, `rung`, `opens` are ids and `due`, `ackDue` instants, which the renderer puts into words. */
export type NoticeParams = Record<string, string | number>;

export interface Notice {
  audience: Audience;
  kind: NoticeKind;
  params: NoticeParams;
  /** False for a bell item that is not mailed. */
  mail: boolean;
  /** Told even though it is their own step: a receipt. */
  toActor?: true;
  /** The mail's link signs the reader in, once, on its way to the case (a complainant has no password). */
  signIn?: true;
}

const BODY_OF_PARTY: Partial<Record<Party, BodyRung>> = { irm: "irm", dpa_panel: "dpa_panel", dpa: "dpa", commerce: "commerce", arbitration: "arbitration" };

/** The body that acts as a ladder party, if it is one. */
export const bodyOfParty = (party: Party): BodyRung | null => BODY_OF_PARTY[party] ?? null;

/** Who must act on a clock, as an audience. */
export function audienceOfParty(party: Party): Audience | null {
  if (party === "complainant") return { to: "complainant" };
  if (party === "organisation") return { to: "organisation" };
  const rung = bodyOfParty(party);
  return rung ? { to: "body", rung } : null;
}

/** The company's reply day and acknowledgment day for a new complaint (R2.1), as instants with the zone of their days. */
export type CompanyDates = { due: string; zone: string; ackDue?: string };

/** A clock's due instant and the zone its day is counted in, as a notice carries them. */
export const dueParams = (clock: { dueAt: Date; zone: string }) => ({ due: clock.dueAt.toISOString(), zone: clock.zone });
