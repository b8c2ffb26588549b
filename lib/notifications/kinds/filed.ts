/**
 * `filed`: the complainant's receipt for a complaint filed (R2.1), with the company's reply
 * date once the company has received it. Mailed with a link that signs them in (they have no
 * password); told although the filing is their own step.
 */
import type { CompanyDates, Notice } from "../notice";

/** `dates`: the company's reply and acknowledgment days; null while the company has not received the complaint. */
export function filed(dates: CompanyDates | null): Notice {
  return { audience: { to: "complainant" }, kind: "filed", params: dates ?? { variant: "bodyPending" }, mail: true, toActor: true, signIn: true };
}
