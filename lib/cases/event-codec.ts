/**
 * Ladder events to and from their stored form: dates inside payloads travel as ISO strings.
 */
import type { LadderEvent } from "@/lib/ladder";

const DATE_FIELDS = new Set(["dueAt", "hearingAt", "receivedAt"]);

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, DATE_FIELDS.has(k) && typeof v === "string" ? new Date(v) : revive(v)]),
    );
  }
  return value;
}

export interface StoredEvent {
  type: string;
  at: Date;
  party: string;
  data: unknown;
}

export function fromStored(row: StoredEvent): LadderEvent {
  return { type: row.type, at: row.at, by: row.party, data: revive(row.data) } as LadderEvent;
}

/** A JSON-safe copy of the payload (dates become ISO strings). */
export function payloadOf(event: LadderEvent): Record<string, unknown> {
  return JSON.parse(JSON.stringify(event.data));
}
