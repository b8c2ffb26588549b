/**
 * Case events are hash-chained per case: each event's hash covers its content and the hash
 * before it, so an edited or deleted event breaks the chain.
 */
import { hash } from "node:crypto";

export interface ChainedEvent {
  caseId: string;
  seq: number;
  type: string;
  at: Date;
  party: string;
  actorUserId: string | null;
  data: unknown;
}

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function eventHash(prevHash: string | null, e: ChainedEvent): string {
  // One-shot: a sweep hashes thousands of small bodies, where a Hash object per body cost more than the digest.
  return hash("sha256", canonical({ ...e, at: e.at.toISOString(), prevHash }), "hex");
}

export function sha256Of(value: unknown): string {
  return hash("sha256", canonical(value), "hex");
}
