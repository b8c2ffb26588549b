/**
 * R1.4 — who a framework protects: individuals resident in its region, about their own
 * data or their child's.
 */
import { FRAMEWORKS, type FrameworkId, type Region } from "./frameworks";

export const EU_MEMBER_STATES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
  "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;
/** The EEA states outside the EU, covered alongside it (R1.4). */
export const EEA_EFTA_STATES = ["IS", "LI", "NO"] as const;

export const REGION_COUNTRIES: Record<Region, readonly string[]> = {
  eu: [...EU_MEMBER_STATES, ...EEA_EFTA_STATES],
  swiss: ["CH"],
  uk: ["GB", "GI"],
};

/** Every country a complainant may live in for some framework, for the filing form. */
export const COVERED_COUNTRIES: readonly string[] = [
  ...REGION_COUNTRIES.eu,
  ...REGION_COUNTRIES.swiss,
  ...REGION_COUNTRIES.uk,
];

export type DataSubject = "self" | "child";

export type CoverageAnswer =
  | { covered: true; rule: "R1.4" }
  | { covered: false; rule: "R1.4"; reason: "country_not_covered" | "not_own_data" };

export function regionOf(country: string): Region | null {
  const code = country.toUpperCase();
  for (const region of Object.keys(REGION_COUNTRIES) as Region[]) {
    if (REGION_COUNTRIES[region].includes(code)) return region;
  }
  return null;
}

/**
 * `alsoCovers`: countries beyond the framework's region that the organisation's certification
 * names (Customer Portfolios' EU-U.S. Privacy Shield covers the United Kingdom, then in the EU).
 */
export function isCovered(framework: FrameworkId, country: string, subject: DataSubject | "other", alsoCovers: readonly string[] = []): CoverageAnswer {
  if (subject === "other") return { covered: false, rule: "R1.4", reason: "not_own_data" };
  return regionOf(country) === FRAMEWORKS[framework].region || alsoCovers.includes(country.toUpperCase())
    ? { covered: true, rule: "R1.4" }
    : { covered: false, rule: "R1.4", reason: "country_not_covered" };
}
