/**
 * `missed`: the complainant learns that another party let a clock run out; where that opens a
 * rung to them (`opens`), the same message says so rather than a second one.
 */
import type { Clock } from "@/lib/ladder";
import { dueParams, type Notice } from "../notice";

export function missed(clock: Pick<Clock, "kind" | "dueAt" | "zone">, opens: readonly string[]): Notice {
  return { audience: { to: "complainant" }, kind: "missed", params: { clock: clock.kind, ...dueParams(clock), ...(opens.length ? { opens: opens.join(",") } : {}) }, mail: true };
}
