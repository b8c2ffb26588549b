/**
 * R1.2, R1.3 — an organisation's certification under one framework, and whether a complaint
 * can enter the ladder against it.
 */
import type { FrameworkId } from "./frameworks";

export const CERTIFICATION_STATUSES = ["active", "inactive", "withdrawn", "removed"] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];

/** The organisation's independent recourse mechanism for non-HR data (R1.3). */
export type IrmChoice = { kind: "provider"; providerId: string } | { kind: "dpa" };

export interface Certification {
  framework: FrameworkId;
  status: CertificationStatus;
  /** For a lapsed or withdrawn certification: does it still hold data received under the framework? */
  retainsFrameworkData: boolean;
  /** Null when the organisation names none. */
  irm: IrmChoice | null;
  /** Whether its certification covers HR data (cooperation with the DPAs). Null: not stated. */
  coversHrData: boolean | null;
  /** Countries outside the framework's region that the certification names as covered (R1.4). */
  alsoCovers?: readonly string[];
}

export type ParticipationAnswer =
  | { participant: true; rule: "R1.2"; status: CertificationStatus }
  | {
      participant: false;
      rule: "R1.2";
      reason: "no_certification" | "lapsed_without_data" | "removed";
      /** Where the individual can go instead. */
      goTo: ("dpa" | "ftc")[];
    };

/**
 * R1.2: active participants, and lapsed or withdrawn ones that still hold framework data.
 * `claimsParticipation` marks an organisation that says it participates without a
 * certification: that is a false claim, for the FTC.
 */
export function participation(cert: Certification | undefined, claimsParticipation = false): ParticipationAnswer {
  if (!cert) {
    return { participant: false, rule: "R1.2", reason: "no_certification", goTo: claimsParticipation ? ["dpa", "ftc"] : ["dpa"] };
  }
  switch (cert.status) {
    case "active":
      return { participant: true, rule: "R1.2", status: cert.status };
    case "inactive":
    case "withdrawn":
      return cert.retainsFrameworkData
        ? { participant: true, rule: "R1.2", status: cert.status }
        : { participant: false, rule: "R1.2", reason: "lapsed_without_data", goTo: ["dpa"] };
    case "removed":
      return { participant: false, rule: "R1.2", reason: "removed", goTo: ["dpa", "ftc"] };
  }
}
