/**
 * A participant that exists only in the demo: a company with no Recourse account, so the
 * demo shows a complaint delivered to a published contact and answered through its link (R2.1).
 */
import type { SeedOrganisation } from "./directory";

export const DEMO_ORGANISATIONS: SeedOrganisation[] = [
  {
    slug: "harbor-metrics",
    name: "Harbor Metrics, Inc. (demo)",
    city: "Portland, ME",
    country: "US",
    timeZone: "America/New_York",
    contactEmail: "privacy@harbor-metrics.example",
    contactAddress: "Harbor Metrics, Inc., 1 Commercial Street, Portland, ME 04101",
    website: "https://harbor-metrics.example",
    claimsParticipation: true,
    certifications: [
      { framework: "eu-us-dpf", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "jams" }, irmProviderSlug: "jams", coversHrData: false },
      { framework: "uk-ext-dpf", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "jams" }, irmProviderSlug: "jams", coversHrData: false },
    ],
    note: "A fictional company for the demo: certified under the EU-U.S. DPF and the UK Extension, JAMS as its IRM, no Recourse account — complaints reach it at its published contact.",
    sourceFile: "demo",
  },
];
