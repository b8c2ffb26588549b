/**
 * The first entries of the directory: the five companies of shared/seeds and the recourse
 * bodies their policies name, as the policies themselves state them (DOMAIN.md §7).
 * Plain data, so the ladder's tests walk the same organisations the demo shows.
 */
import type { Certification, ProviderClockPolicy } from "@/lib/ladder";

export type ProviderKind = "adr" | "dpa_panel" | "fdpic" | "ico" | "gra" | "commerce" | "arbitration_administrator" | "national_dpa";

export interface SeedProvider {
  slug: string;
  name: string;
  kind: ProviderKind;
  website: string;
  timeZone: string;
  /** R2.3: the provider's own timeframe where it publishes one; null = Recourse defaults. */
  clocks: ProviderClockPolicy | null;
}

export interface SeedOrganisation {
  slug: string;
  name: string;
  city: string;
  country: string;
  timeZone: string;
  contactEmail: string | null;
  contactAddress: string | null;
  website: string;
  /** Says it participates (for R1.2's false-claim case). */
  claimsParticipation: boolean;
  /** R2.2: its policy sends individuals to the IRM when they receive no timely acknowledgment. */
  irmOnMissedAcknowledgment?: boolean;
  certifications: (Certification & { irmProviderSlug?: string })[];
  /** What the policy says, in a sentence, for the directory page. */
  note: string;
  sourceFile: string;
}

const defaults = (ack: number, ackUnit: "working" | "calendar", det: number): ProviderClockPolicy => ({
  acknowledge: { days: ack, unit: ackUnit },
  determination: { days: det, unit: "calendar" },
  pausesWhileAwaitingComplainant: true,
});

export const PROVIDERS: SeedProvider[] = [
  { slug: "jams", name: "JAMS", kind: "adr", website: "https://www.jamsadr.com/eu-us-privacy-shield", timeZone: "America/Los_Angeles", clocks: null },
  { slug: "bbb-national-programs", name: "BBB National Programs (BBB EU Privacy Shield)", kind: "adr", website: "https://www.bbb.org/EU-privacy-shield/for-eu-consumers", timeZone: "America/New_York", clocks: null },
  { slug: "ana", name: "Association of National Advertisers (ANA) Privacy Shield Dispute Resolution", kind: "adr", website: "https://thedma.org/resources/consumer-resources/privacyshield-consumers/", timeZone: "America/New_York", clocks: null },
  { slug: "privacytrust", name: "PrivacyTrust", kind: "adr", website: "https://www.privacytrust.com", timeZone: "America/New_York", clocks: defaults(3, "working", 45) },
  { slug: "verasafe", name: "VeraSafe", kind: "adr", website: "https://verasafe.com", timeZone: "America/New_York", clocks: defaults(2, "working", 45) },
  { slug: "trustarc", name: "TrustArc (TRUSTe)", kind: "adr", website: "https://trustarc.com", timeZone: "America/Los_Angeles", clocks: null },
  { slug: "insights-association", name: "Insights Association", kind: "adr", website: "https://www.insightsassociation.org", timeZone: "America/New_York", clocks: null },
  { slug: "icdr-aaa", name: "ICDR-AAA", kind: "arbitration_administrator", website: "https://www.icdr.org", timeZone: "America/New_York", clocks: null },
  { slug: "eu-dpa-panel", name: "EU DPA panel", kind: "dpa_panel", website: "https://edpb.europa.eu", timeZone: "Europe/Brussels", clocks: null },
  { slug: "eu-national-dpa", name: "EU national data protection authority (referrals to Commerce)", kind: "national_dpa", website: "https://edpb.europa.eu/about-edpb/about-edpb/members_en", timeZone: "Europe/Brussels", clocks: null },
  { slug: "fdpic", name: "Swiss Federal Data Protection and Information Commissioner (FDPIC)", kind: "fdpic", website: "https://www.edoeb.admin.ch", timeZone: "Europe/Zurich", clocks: null },
  { slug: "ico", name: "UK Information Commissioner's Office (ICO)", kind: "ico", website: "https://ico.org.uk", timeZone: "Europe/London", clocks: null },
  { slug: "gra", name: "Gibraltar Regulatory Authority (GRA)", kind: "gra", website: "https://www.gra.gi/data-protection", timeZone: "Europe/Gibraltar", clocks: null },
  { slug: "commerce", name: "U.S. Department of Commerce", kind: "commerce", website: "https://www.dataprivacyframework.gov", timeZone: "America/New_York", clocks: null },
];

export const ORGANISATIONS: SeedOrganisation[] = [
  {
    slug: "sessionm",
    name: "SessionM, Inc.",
    city: "Boston, MA",
    country: "US",
    timeZone: "America/New_York",
    contactEmail: "privacyquestions@sessionm.com",
    contactAddress: "SessionM, 2 Seaport Lane, 11th Floor, Boston, MA 02210",
    website: "https://www.sessionm.com",
    claimsParticipation: true,
    irmOnMissedAcknowledgment: true,
    certifications: [
      { framework: "eu-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "jams" }, irmProviderSlug: "jams", coversHrData: null },
    ],
    note: "EU-U.S. Privacy Shield (EU and Iceland, Liechtenstein, Norway). Unresolved complaints go to JAMS at no cost; binding arbitration before a Privacy Shield Panel; FTC jurisdiction. HR data not stated.",
    sourceFile: "000_47b683f6f483e56d.txt",
  },
  {
    slug: "sessioncam",
    name: "SessionCam Ltd",
    city: "Norwich",
    country: "GB",
    timeZone: "Europe/London",
    contactEmail: "privacy@sessioncam.com",
    contactAddress: null,
    website: "https://sessioncam.com",
    claimsParticipation: false,
    certifications: [],
    note: "A UK company that is not itself certified (it relies on its U.S. hosting provider's certification). Complaints go to the ICO.",
    sourceFile: "001_fdc9d11ac6aee82e.txt",
  },
  {
    slug: "listen-first-labs",
    name: "Listen First Labs LLC (Session Tracker)",
    city: "New Jersey",
    country: "US",
    timeZone: "America/New_York",
    contactEmail: "support@mysessiontracker.com",
    contactAddress: null,
    website: "https://sessiontracker.app",
    claimsParticipation: false,
    certifications: [],
    note: "States no participation in any framework.",
    sourceFile: "002_9b38c401dfef5262.txt",
  },
  {
    slug: "mparticle",
    name: "mParticle, Inc.",
    city: "New York, NY",
    country: "US",
    timeZone: "America/New_York",
    contactEmail: "privacy@mparticle.com",
    contactAddress: "mParticle, Inc., 257 Park Avenue South, Floor 9, New York, NY 10010",
    website: "https://www.mparticle.com",
    claimsParticipation: true,
    irmOnMissedAcknowledgment: true,
    certifications: [
      { framework: "eu-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "bbb-national-programs" }, irmProviderSlug: "bbb-national-programs", coversHrData: true },
      { framework: "swiss-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "bbb-national-programs" }, irmProviderSlug: "bbb-national-programs", coversHrData: true },
    ],
    note: "EU-U.S. and Swiss-U.S. Privacy Shield. Non-HR complaints go to BBB EU Privacy Shield; HR complaints to the EU DPA panel or the Swiss FDPIC; arbitration possible; FTC jurisdiction.",
    sourceFile: "003_f327b45c8a258078.txt",
  },
  {
    slug: "customer-portfolios",
    name: "Customer Portfolios LLC",
    city: "Boston, MA",
    country: "US",
    timeZone: "America/New_York",
    contactEmail: "PrivacyInquiry@customerportfolios.com",
    contactAddress: "88 Black Falcon Ave, #320 Boston, MA 02210 · +1-617-225-9501",
    website: "https://www.customerportfolios.com",
    claimsParticipation: true,
    irmOnMissedAcknowledgment: true,
    certifications: [
      // The policy names the United Kingdom beside the EU (it was written while the UK was in the EU).
      { framework: "eu-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "ana" }, irmProviderSlug: "ana", coversHrData: null, alsoCovers: ["GB"] },
      { framework: "swiss-us-ps", status: "active", retainsFrameworkData: true, irm: { kind: "provider", providerId: "ana" }, irmProviderSlug: "ana", coversHrData: null },
    ],
    note: "EU-U.S. and Swiss-U.S. Privacy Shield. Contact the company first, then the ANA Privacy Shield Dispute Resolution program, then binding arbitration (no monetary award); FTC jurisdiction.",
    sourceFile: "004_04c0b285036cd1be.txt",
  },
];
