/** `new-case`: the company is told of a complaint it received, with its acknowledgment and reply days (R2.1). */
import type { Notice } from "../notice";

export function newCase(dates: { due: string; zone: string; ackDue?: string } | null): Notice {
  return { audience: { to: "organisation" }, kind: "new-case", params: dates?.ackDue ? dates : { variant: "bodyUndated" }, mail: true };
}
