/**
 * The idempotent demo seed: the directory of shared/seeds, demo users for every role, and a
 * handful of complaints at different rungs, built by replaying steps through the real
 * commands. Running it twice changes nothing the second time.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, certifications, memberships, organisations, providers, replyTemplates, users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { fileCase, recordEvent, type ProposedEvent } from "@/lib/cases/commands";
import { COMPANY_POLICY_SOURCE } from "@/lib/directory/status-source";
import { DAY_MS } from "@/lib/ladder";
import { DEMO_USERS, type DemoRole } from "./demo-users";
import { ORGANISATIONS, PROVIDERS, type SeedOrganisation } from "./directory";
import { DEMO_ORGANISATIONS } from "./demo-organisations";

export async function seedDirectory(db: Db, extra: SeedOrganisation[] = []): Promise<void> {
  for (const p of PROVIDERS) {
    await db
      .insert(providers)
      .values({ slug: p.slug, name: p.name, kind: p.kind, website: p.website, timeZone: p.timeZone, clockPolicy: p.clocks })
      .onConflictDoNothing({ target: providers.slug });
  }
  const providerIds = new Map((await db.select({ id: providers.id, slug: providers.slug }).from(providers)).map((p) => [p.slug, p.id]));
  for (const o of [...ORGANISATIONS, ...extra]) {
    await db
      .insert(organisations)
      .values({ slug: o.slug, name: o.name, city: o.city, country: o.country, timeZone: o.timeZone, contactEmail: o.contactEmail, contactAddress: o.contactAddress, website: o.website, claimsParticipation: o.claimsParticipation, irmOnMissedAcknowledgment: o.irmOnMissedAcknowledgment ?? false, note: o.note })
      .onConflictDoNothing({ target: organisations.slug });
    const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, o.slug));
    for (const c of o.certifications) {
      await db
        .insert(certifications)
        .values({
          organisationId: org!.id,
          framework: c.framework,
          status: c.status,
          retainsFrameworkData: c.retainsFrameworkData,
          irmKind: c.irm?.kind ?? null,
          irmProviderId: c.irmProviderSlug ? providerIds.get(c.irmProviderSlug)! : null,
          coversHrData: c.coversHrData,
          alsoCovers: [...(c.alsoCovers ?? [])],
          statusSource: COMPANY_POLICY_SOURCE,
        })
        .onConflictDoNothing();
    }
  }
}

const MEMBERSHIP_ROLE: Partial<Record<DemoRole, (typeof memberships.$inferInsert)["role"]>> = {
  org_staff: "org_staff",
  org_admin: "org_admin",
  provider_liaison: "provider_liaison",
  panel_member: "panel_member",
  dpa_officer: "dpa_officer",
  commerce_officer: "commerce_officer",
  arbitration_administrator: "arbitration_administrator",
};

export async function seedUsers(db: Db): Promise<void> {
  for (const u of DEMO_USERS) {
    await db
      .insert(users)
      .values({ email: u.email, name: u.name, locale: u.locale, isAdmin: u.role === "administrator", emailVerified: new Date(0) })
      .onConflictDoNothing({ target: users.email });
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    const role = MEMBERSHIP_ROLE[u.role];
    if (!role) continue;
    const [org] = u.organisationSlug ? await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, u.organisationSlug)) : [];
    const [prov] = u.providerSlug ? await db.select({ id: providers.id }).from(providers).where(eq(providers.slug, u.providerSlug)) : [];
    const existing = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user!.id), org ? eq(memberships.organisationId, org.id) : eq(memberships.providerId, prov!.id)));
    if (!existing.length) await db.insert(memberships).values({ userId: user!.id, organisationId: org?.id ?? null, providerId: prov?.id ?? null, role });
  }
}

interface Step {
  daysAgo: number;
  as: string;
  event: ProposedEvent;
}

interface DemoCase {
  key: string;
  daysAgo: number;
  filing: Record<string, unknown>;
  steps: Step[];
}

const complaint = (over: Record<string, unknown>) => ({
  preferredLanguage: "en",
  dataSubject: "self",
  principles: ["access"],
  reliefSought: ["access", "delete"],
  description: "I asked for a copy of the data the company holds about me and received nothing for weeks.",
  consent: true,
  ...over,
});

const DEMO_CASES: DemoCase[] = [
  {
    key: "demo-1",
    daysAgo: 10,
    filing: complaint({ organisationSlug: "sessionm", hrData: false, name: "Anna Schmidt", email: "anna.schmidt@example.de", country: "DE", preferredLanguage: "de", companyIdentifier: "loyalty member 4471-22" }),
    steps: [{ daysAgo: 8, as: "staff@sessionm.example", event: { type: "organisation.acknowledged", data: {} } }],
  },
  {
    key: "demo-2",
    daysAgo: 50,
    filing: complaint({ organisationSlug: "mparticle", hrData: true, name: "Claire Martin", email: "claire.martin@example.fr", country: "FR", preferredLanguage: "fr", principles: ["security", "data_integrity"], reliefSought: ["correct"], description: "My former employer's HR records about me were shared with mParticle and are wrong." }),
    steps: [
      { daysAgo: 47, as: "staff@mparticle.example", event: { type: "organisation.acknowledged", data: {} } },
      { daysAgo: 20, as: "staff@mparticle.example", event: { type: "organisation.responded", data: {} } },
      { daysAgo: 5, as: "claire.martin@example.fr", event: { type: "panel.escalated", data: {} } },
    ],
  },
  {
    key: "demo-3",
    daysAgo: 60,
    filing: complaint({ organisationSlug: "customer-portfolios", hrData: false, name: "Anna Schmidt", email: "anna.schmidt@example.de", country: "DE", preferredLanguage: "de", principles: ["choice", "notice"], reliefSought: ["stop_processing", "delete"], description: "Customer Portfolios keeps using my purchase history for marketing although I objected." }),
    steps: [
      { daysAgo: 12, as: "anna.schmidt@example.de", event: { type: "irm.escalated", data: {} } },
      { daysAgo: 10, as: "liaison@ana.example", event: { type: "irm.acknowledged", data: {} } },
    ],
  },
  {
    key: "demo-4",
    daysAgo: 3,
    filing: complaint({ organisationSlug: "mparticle", hrData: false, name: "Claire Martin", email: "claire.martin@example.fr", country: "FR", preferredLanguage: "fr", principles: ["onward_transfer"], reliefSought: ["access"], description: "mParticle passed my app usage data to third parties I never heard of." }),
    steps: [],
  },
  {
    key: "demo-5",
    daysAgo: 40,
    filing: complaint({ organisationSlug: "customer-portfolios", hrData: false, name: "Lukas Meier", email: "lukas.meier@example.ch", country: "CH", preferredLanguage: "de", principles: ["access"], reliefSought: ["access"] }),
    steps: [
      { daysAgo: 38, as: "staff@customerportfolios.example", event: { type: "organisation.responded", data: {} } },
      { daysAgo: 37, as: "lukas.meier@example.ch", event: { type: "complainant.accepted", data: {} } },
    ],
  },
];

/** Demo cases are keyed like any filing: a case already seeded is left alone. */
export async function seedCases(db: Db, now: Date): Promise<void> {
  const userId = new Map((await db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email!, u.id]));
  for (const demo of DEMO_CASES) {
    const key = `00000000-0000-4000-8000-00000000000${demo.key.slice(-1)}`;
    const [done] = await db.select({ id: cases.id }).from(cases).where(eq(cases.idempotencyKey, key));
    if (done) continue;
    const filedAt = new Date(now.getTime() - demo.daysAgo * DAY_MS);
    const { caseId } = await fileCase(db, { ...demo.filing, idempotencyKey: key }, filedAt);
    for (const step of demo.steps) {
      const actor = await loadActor(db, userId.get(step.as) ?? (await db.select({ id: users.id }).from(users).where(eq(users.email, step.as)))[0]?.id);
      await recordEvent(db, actor, caseId, step.event, { now: new Date(now.getTime() - step.daysAgo * DAY_MS) });
    }
  }
}

/** A reply template for the demo company with a team (mParticle), so its staff see how templates fill from a case. */
export const DEMO_TEMPLATE = {
  organisationSlug: "mparticle",
  name: "Acknowledgment of receipt (example)",
  body: "Dear {{complainant_name}},\n\nwe have received your complaint {{reference}} to {{company}} and are looking into it. We will answer by {{due_date}}.\n\nThe privacy team",
};

export async function seedReplyTemplates(db: Db): Promise<void> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_TEMPLATE.organisationSlug));
  if (org) await db.insert(replyTemplates).values({ organisationId: org.id, name: DEMO_TEMPLATE.name, body: DEMO_TEMPLATE.body }).onConflictDoNothing();
}

export async function seedDemo(db: Db, now: Date): Promise<void> {
  await seedDirectory(db, DEMO_ORGANISATIONS);
  await seedUsers(db);
  await seedReplyTemplates(db);
  await seedCases(db, now);
}
