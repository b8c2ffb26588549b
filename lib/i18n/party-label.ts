/**
 * The `party` message key for a party as one reader sees it. "Your data protection authority"
 * is the complainant's word for the DPA it asked to refer the matter to Commerce (R2.7);
 * everyone else, that DPA included, reads it by its role.
 */
export function partyKey<P extends string>(party: P, reader: string): P | "dpaAsBody" {
  return party === "dpa" && reader !== "complainant" ? "dpaAsBody" : party;
}
