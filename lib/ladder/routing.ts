/**
 * R1.2, R1.3, R2.5, R3.2 — which rungs a complaint has and who sits on each.
 */
import { participation, type Certification, type ParticipationAnswer } from "./certification";
import { isCovered, regionOf, type CoverageAnswer, type DataSubject } from "./coverage";
import { complaintFramework, FRAMEWORKS, type FrameworkId, type Region } from "./frameworks";
import type { EventType, LadderEvent } from "./events";

/** The bodies that can sit on a rung. */
export type Body =
  | { kind: "organisation" }
  | { kind: "adr"; providerId: string }
  | { kind: "dpa_panel" }
  | { kind: "fdpic" }
  | { kind: "ico" }
  | { kind: "gra" }
  | { kind: "commerce" }
  | { kind: "arbitration_panel"; panel: "privacy-shield-panel" | "dpf-annex-i-panel" }
  | { kind: "ftc" };

/**
 * R1.3, R2.6: the data protection authority with authority over HR data in each region — the
 * EU panel, the Swiss FDPIC, and under the UK Extension the ICO, or the GRA for Gibraltar.
 */
export function dpaAuthority(region: Region, country?: string): Body {
  if (region === "eu") return { kind: "dpa_panel" };
  if (region === "swiss") return { kind: "fdpic" };
  return country?.toUpperCase() === "GI" ? { kind: "gra" } : { kind: "ico" };
}

/** The kind of directory body that stands for a DPA: the panel for HR data, or the individual's own DPA for a Commerce referral (R2.7). */
export type DpaBodyKind = "dpa_panel" | "national_dpa" | "fdpic" | "ico" | "gra";

/** R1.3, R2.5, R2.7: which DPA body receives a case from a complainant in `country`. */
export function dpaBodyFor(country: string, role: "panel" | "own"): DpaBodyKind {
  const region = regionOf(country);
  if (region === "swiss") return "fdpic";
  if (region === "uk") return country.toUpperCase() === "GI" ? "gra" : "ico";
  return role === "panel" ? "dpa_panel" : "national_dpa";
}

export type RungId = "organisation" | "irm" | "dpa_panel" | "commerce" | "arbitration";

/** Where a body sits that receives a case: the IRM, the DPA panel, the individual's own DPA (R2.7), Commerce, the arbitration administrator. */
export type BodyPlace = "irm" | "dpa_panel" | "dpa" | "commerce" | "arbitration";

/**
 * The events that hand a case to a body, and where that body sits: the one map the hand-over,
 * the notices and the case's zones read. Asking for the Commerce review goes to the
 * individual's own DPA, which refers it to Commerce (R2.7).
 */
export const HANDED_OVER_BY: Readonly<Partial<Record<EventType, BodyPlace>>> = {
  "irm.escalated": "irm",
  "panel.escalated": "dpa_panel",
  "commerce.requested": "dpa",
  "commerce.referred": "commerce",
  "arbitration.invoked": "arbitration",
};

/**
 * The body an event hands the case to, if any: the map above, and R2.4's notice — an IRM that
 * refers a company for not complying with its determination tells the FTC and Commerce, so
 * Commerce receives the case.
 */
export function handedOverBy(event: LadderEvent): BodyPlace | null {
  const place = HANDED_OVER_BY[event.type];
  if (place) return place;
  if (event.type === "referral.status_changed" && event.data.referrer === "irm" && event.data.status === "referred") return "commerce";
  return null;
}

export interface Rung {
  id: RungId;
  body: Body;
  rule: string;
  /** Set where the rung exists in principle but this complaint cannot reach it. */
  barred?: "dpa_authority";
}

export interface CaseSubject {
  framework: FrameworkId;
  hrData: boolean;
  complainantCountry: string;
  /** R1.3: HR complaints go to the DPA where the employee works; unset = where they live. */
  workCountry?: string | null;
  dataSubject: DataSubject | "other";
}

export type Route =
  | {
      applies: true;
      framework: FrameworkId;
      rungs: Rung[];
      /** The body that hears the case after the organisation: an ADR provider, or a DPA authority. */
      irm: Body | null;
      /** R3.2: a DPA has authority over the claim, so binding arbitration is not available. */
      dpaAuthority: boolean;
      /** HR data, but the organisation's policy does not state its cooperation with the DPAs. */
      hrCooperationUnstated: boolean;
    }
  | { applies: false; framework: FrameworkId; participation?: ParticipationAnswer; coverage?: CoverageAnswer; goTo: ("dpa" | "ftc")[] };

/** The route a complaint takes (R1.2, R1.4, R2.2, R2.5, R3.2): who hears it at each rung. */
export function route(subject: CaseSubject, cert: Certification | undefined, claimsParticipation = false): Route {
  const framework = FRAMEWORKS[subject.framework];
  const part = participation(cert, claimsParticipation);
  if (!part.participant) return { applies: false, framework: framework.id, participation: part, goTo: part.goTo };
  const coverage = isCovered(framework.id, subject.complainantCountry, subject.dataSubject, cert!.alsoCovers);
  if (!coverage.covered) return { applies: false, framework: framework.id, coverage, goTo: ["dpa"] };

  const dpa = dpaAuthority(framework.region, subject.hrData ? (subject.workCountry ?? subject.complainantCountry) : subject.complainantCountry);
  const irmIsDpa = subject.hrData || cert!.irm?.kind === "dpa";
  const irm: Body | null = irmIsDpa
    ? dpa
    : cert!.irm?.kind === "provider"
      ? { kind: "adr", providerId: cert!.irm.providerId }
      : null;

  const rungs: Rung[] = [{ id: "organisation", body: { kind: "organisation" }, rule: "R2.1" }];
  if (irm) rungs.push({ id: irmIsDpa ? "dpa_panel" : "irm", body: irm, rule: irmIsDpa ? "R2.5" : "R2.2" });
  rungs.push({ id: "commerce", body: { kind: "commerce" }, rule: "R2.7" });
  rungs.push({
    id: "arbitration",
    body: { kind: "arbitration_panel", panel: framework.arbitrationPanel },
    rule: "R3.1",
    ...(irmIsDpa ? { barred: "dpa_authority" as const } : {}),
  });
  return {
    applies: true,
    framework: framework.id,
    rungs,
    irm,
    dpaAuthority: irmIsDpa,
    hrCooperationUnstated: subject.hrData && cert!.coversHrData !== true,
  };
}

/**
 * The framework a complaint falls under, from the organisation's certifications and where
 * the complainant lives: the region's DPF framework where certified, else its Privacy Shield.
 */
export function inferFramework(certs: Certification[], complainantCountry: string): FrameworkId | null {
  const candidates = (Object.values(FRAMEWORKS) as (typeof FRAMEWORKS)[FrameworkId][])
    .filter((f) => certs.some((c) => c.framework === f.id && participation(c).participant && isCovered(f.id, complainantCountry, "self", c.alsoCovers).covered))
    .sort((a, b) => (a.family === b.family ? 0 : a.family === "dpf" ? -1 : 1));
  return candidates[0]?.id ?? null;
}

/**
 * R1.1: what a complaint filed at `at` is filed under: the certification it is filed against
 * (`certified`, as `inferFramework` finds it) and the framework it runs under (`framework`: an
 * active Privacy Shield certification's DPF successor). Null where no certification covers
 * the complainant. `named`: a framework the filer named, either the certification's or the one
 * it runs under.
 */
export function filingFramework(certs: Certification[], complainantCountry: string, at: Date, named?: FrameworkId): { certified: FrameworkId; framework: FrameworkId } | null {
  const cert = named
    ? (certs.find((c) => c.framework === named) ?? certs.find((c) => complaintFramework(c.framework, c.status, at) === named))
    : certs.find((c) => c.framework === inferFramework(certs, complainantCountry));
  return cert ? { certified: cert.framework, framework: complaintFramework(cert.framework, cert.status, at) } : null;
}

/**
 * R1.3, R2.6, R2.7: the regions whose frameworks a DPA body, Commerce or the arbitration
 * administrator serves; null for a dispute resolution provider, which serves the frameworks of
 * the certifications that name it.
 */
export function regionsServedBy(kind: DpaBodyKind | "adr" | "commerce" | "arbitration_administrator"): readonly Region[] | null {
  switch (kind) {
    case "adr":
      return null;
    case "dpa_panel":
    case "national_dpa":
      return ["eu"];
    case "fdpic":
      return ["swiss"];
    case "ico":
    case "gra":
      return ["uk"];
    case "commerce":
    case "arbitration_administrator":
      return ["eu", "swiss", "uk"];
  }
}
