/**
 * `referral-proposed`: the administrators are prompted to propose an FTC referral (R4.1/R4.2).
 * One prompt per case, whatever raised it: lib/notifications/dispatch keys it by the case.
 */
import type { Notice } from "../notice";

export function referralProposed(): Notice {
  return { audience: { to: "administrators" }, kind: "referral-proposed", params: {}, mail: true };
}
