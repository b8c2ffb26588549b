/** `new-case`: the company is told of a complaint it received, with its acknowledgment and reply days (R2.1). */
import type { CompanyDates, Notice } from "../notice";

export function newCase(dates: CompanyDates | null): Notice {
  return { audience: { to: "organisation" }, kind: "new-case", params: dates?.ackDue ? dates : { variant: "bodyUndated" }, mail: true };
}
