/**
 * Demo accounts, one or more per role. The sign-in page offers them as one-click buttons in
 * demo mode only.
 */
export type DemoRole = "complainant" | "org_staff" | "org_admin" | "provider_liaison" | "panel_member" | "dpa_officer" | "commerce_officer" | "arbitration_administrator" | "administrator";

export interface DemoUser {
  email: string;
  name: string;
  role: DemoRole;
  locale: "en" | "de" | "fr";
  organisationSlug?: string;
  providerSlug?: string;
}

export const DEMO_USERS: DemoUser[] = [
  { email: "anna.schmidt@example.de", name: "Anna Schmidt", role: "complainant", locale: "de" },
  { email: "claire.martin@example.fr", name: "Claire Martin", role: "complainant", locale: "fr" },
  { email: "lukas.meier@example.ch", name: "Lukas Meier", role: "complainant", locale: "de" },
  { email: "staff@mparticle.example", name: "Morgan Lee (mParticle)", role: "org_staff", locale: "en", organisationSlug: "mparticle" },
  { email: "admin@mparticle.example", name: "Jordan Park (mParticle admin)", role: "org_admin", locale: "en", organisationSlug: "mparticle" },
  { email: "staff@customerportfolios.example", name: "Casey Quinn (Customer Portfolios)", role: "org_staff", locale: "en", organisationSlug: "customer-portfolios" },
  { email: "admin@customerportfolios.example", name: "Riley Adams (Customer Portfolios admin)", role: "org_admin", locale: "en", organisationSlug: "customer-portfolios" },
  { email: "staff@sessionm.example", name: "Sam Rivera (SessionM)", role: "org_staff", locale: "en", organisationSlug: "sessionm" },
  { email: "liaison@jams.example", name: "Jamie Fox (JAMS)", role: "provider_liaison", locale: "en", providerSlug: "jams" },
  { email: "liaison@bbb.example", name: "Blake Moore (BBB National Programs)", role: "provider_liaison", locale: "en", providerSlug: "bbb-national-programs" },
  { email: "liaison@ana.example", name: "Avery Cole (ANA)", role: "provider_liaison", locale: "en", providerSlug: "ana" },
  { email: "member@dpa-panel.example", name: "Dr. Elena Rossi (EU DPA panel)", role: "panel_member", locale: "en", providerSlug: "eu-dpa-panel" },
  { email: "case.officer@fdpic.example", name: "Nina Keller (FDPIC)", role: "panel_member", locale: "de", providerSlug: "fdpic" },
  { email: "case.officer@ico.example", name: "Oliver Hart (ICO)", role: "panel_member", locale: "en", providerSlug: "ico" },
  // A Gibraltar complainant under the UK Extension reaches the GRA (R1.3, R2.6).
  { email: "case.officer@gra.example", name: "Daniel Ramagge (GRA)", role: "panel_member", locale: "en", providerSlug: "gra" },
  { email: "referrals@dpa.example", name: "Sofia Novak (national DPA)", role: "dpa_officer", locale: "en", providerSlug: "eu-national-dpa" },
  { email: "officer@commerce.example", name: "Pat Hughes (Commerce)", role: "commerce_officer", locale: "en", providerSlug: "commerce" },
  { email: "cases@icdr.example", name: "Robin Gray (ICDR-AAA)", role: "arbitration_administrator", locale: "en", providerSlug: "icdr-aaa" },
  { email: "admin@recourse.example", name: "Recourse administrator", role: "administrator", locale: "en" },
];
