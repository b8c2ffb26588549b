/**
 * What a certification's status rests on. Where Recourse itself records a status (the seed's
 * reading of a company's policy, an import of the official list, a delisting after an FTC
 * referral) it stores a code, which the pages word in the reader's language; the source an
 * administrator types is kept and shown as typed.
 */
export const COMPANY_POLICY_SOURCE = "company_policy";
export const DELISTED_SOURCE = "delisted";
const PARTICIPANT_LIST = "participant_list:";

/** The official participant list, imported on `day` (YYYY-MM-DD). */
export const participantListSource = (day: string) => `${PARTICIPANT_LIST}${day}`;

export type StatusSource = { kind: "company_policy" } | { kind: "participant_list"; day: string } | { kind: "delisted" } | { kind: "text"; text: string };

export function statusSourceOf(source: string): StatusSource {
  if (source === COMPANY_POLICY_SOURCE) return { kind: "company_policy" };
  if (source === DELISTED_SOURCE) return { kind: "delisted" };
  const day = source.startsWith(PARTICIPANT_LIST) ? source.slice(PARTICIPANT_LIST.length) : null;
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) return { kind: "participant_list", day };
  return { kind: "text", text: source };
}
