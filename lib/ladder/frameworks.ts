import type { CertificationStatus } from "./certification";

/**
 * R1.1 — the five frameworks. The ladder is the same in all of them; what differs is the
 * region whose individuals they cover, who has authority over HR data, and what the
 * arbitration panel is called.
 */
export const FRAMEWORK_IDS = ["eu-us-ps", "swiss-us-ps", "eu-us-dpf", "uk-ext-dpf", "swiss-us-dpf"] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** The region whose individuals a framework protects (R1.4) and whose DPA has authority over HR data (R1.3). */
export type Region = "eu" | "swiss" | "uk";
export type FrameworkFamily = "privacy-shield" | "dpf";

export interface Framework {
  id: FrameworkId;
  family: FrameworkFamily;
  region: Region;
  /** ISO date from which the framework was in force or open; null where DOMAIN.md gives none. */
  inForceFrom: string | null;
  /** ISO date of invalidation as a transfer mechanism, if any. */
  invalidatedOn: string | null;
  arbitrationPanel: "privacy-shield-panel" | "dpf-annex-i-panel";
}

export const FRAMEWORKS: Record<FrameworkId, Framework> = {
  "eu-us-ps": {
    id: "eu-us-ps",
    family: "privacy-shield",
    region: "eu",
    inForceFrom: "2016-07-12",
    invalidatedOn: "2020-07-16",
    arbitrationPanel: "privacy-shield-panel",
  },
  "swiss-us-ps": {
    id: "swiss-us-ps",
    family: "privacy-shield",
    region: "swiss",
    inForceFrom: null,
    invalidatedOn: null,
    arbitrationPanel: "privacy-shield-panel",
  },
  "eu-us-dpf": {
    id: "eu-us-dpf",
    family: "dpf",
    region: "eu",
    inForceFrom: "2023-07-10",
    invalidatedOn: null,
    arbitrationPanel: "dpf-annex-i-panel",
  },
  "uk-ext-dpf": {
    id: "uk-ext-dpf",
    family: "dpf",
    region: "uk",
    inForceFrom: "2023-07-17",
    invalidatedOn: null,
    arbitrationPanel: "dpf-annex-i-panel",
  },
  "swiss-us-dpf": {
    id: "swiss-us-dpf",
    family: "dpf",
    region: "swiss",
    inForceFrom: "2023-07-17",
    invalidatedOn: null,
    arbitrationPanel: "dpf-annex-i-panel",
  },
};

export function isFrameworkId(value: string): value is FrameworkId {
  return (FRAMEWORK_IDS as readonly string[]).includes(value);
}

/**
 * R1.1: an organisation still active under a Privacy Shield framework became a participant
 * in its DPF successor when that took effect; the record keeps the certification its policy
 * names, and a complaint filed today runs under the successor. Null when there is none: a
 * DPF framework, or a certification no longer active.
 */
export function dpfSuccessor(framework: FrameworkId, status: CertificationStatus): { framework: FrameworkId; since: string } | null {
  if (status !== "active") return null;
  const successor: FrameworkId | null = framework === "eu-us-ps" ? "eu-us-dpf" : framework === "swiss-us-ps" ? "swiss-us-dpf" : null;
  return successor ? { framework: successor, since: FRAMEWORKS[successor].inForceFrom! } : null;
}

/**
 * R1.1: the framework a complaint filed at `at` runs under, against a certification under
 * `framework` with `status`: its DPF successor once the organisation became a participant in
 * it, else the certification's own. The case keeps the certification as the policy names it.
 */
export function complaintFramework(framework: FrameworkId, status: CertificationStatus, at: Date): FrameworkId {
  const successor = dpfSuccessor(framework, status);
  return successor && at.getTime() >= Date.parse(`${successor.since}T00:00:00Z`) ? successor.framework : framework;
}
