/**
 * The administrators' back office on both databases: the recourse bodies with their details and
 * the ladder's timeframes (an IRM's own, set with its open cases projected again), an account's
 * sessions ended and its disabling with a reason, and the FTC register's prompts and delisting.
 * Nobody else may read or change any of it.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cases, certifications, deadlines, organisations, outbox, providers, users } from "@/db/schema";
import { startSession, activeSessionCount } from "@/lib/auth/sessions";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { loadCases } from "@/lib/cases/load";
import { takeStep } from "@/lib/cases/steps";
import { sweepDeadlines } from "@/lib/deadlines/sweep";
import { listBodies, updateBodyClocks, updateBodyDetails } from "@/lib/directory/bodies";
import { delistOrganisation, listReferrals, referralPrompts } from "@/lib/enforcement/register";
import { NotFoundError, RuleError, ValidationError } from "@/lib/errors";
import { bodyTimeframes, DAY_MS, DEFAULT_POLICY, owedDeadline, snapshot } from "@/lib/ladder";
import { retentionPolicy, updateRetentionPolicy } from "@/lib/retention/policy";
import { endAccountSessions, listAccounts, setAccountDisabled } from "@/lib/users/accounts";
import { KINDS } from "./support/databases";
import { actorByEmail, filing, seededDatabase } from "./support/helpers";

const T0 = new Date("2026-11-02T10:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);

describe.each(KINDS)("the back office on %s", (kind) => {
  const db = seededDatabase(kind);
  const admin = () => actorByEmail(db(), "admin@recourse.example");
  const outsiders = async () => Promise.all(["staff@mparticle.example", "admin@mparticle.example", "liaison@jams.example", "anna.schmidt@example.de", "officer@commerce.example"].map((e) => actorByEmail(db(), e)));

  it("lists every body with its frameworks, the organisations that route to it, its accounts and the ladder's timeframes", async () => {
    const bodies = await listBodies(db(), await admin());
    expect(bodies.map((b) => b.slug).sort()).toEqual((await db().select({ slug: providers.slug }).from(providers)).map((p) => p.slug).sort());
    const jams = bodies.find((b) => b.slug === "jams")!;
    // SessionM names JAMS under the EU-U.S. Privacy Shield (the seed).
    expect(jams.frameworks).toEqual(["eu-us-ps"]);
    expect(jams.organisations).toBe(1);
    expect(jams.accounts).toBeGreaterThanOrEqual(1);
    const [jamsRow] = await db().select({ clockPolicy: providers.clockPolicy }).from(providers).where(eq(providers.slug, "jams"));
    expect(jams.ownTimeframe).toBe(!!jamsRow!.clockPolicy);
    expect(jams.timeframes).toEqual(bodyTimeframes("irm", jamsRow!.clockPolicy ?? null));
    const fdpic = bodies.find((b) => b.kind === "fdpic")!;
    expect(fdpic.frameworks).toEqual(["swiss-us-ps", "swiss-us-dpf"]);
    // mParticle's Swiss certification covers HR data: the FDPIC hears it.
    expect(fdpic.organisations).toBeGreaterThanOrEqual(1);
    expect(fdpic.timeframes.find((f) => f.kind === "panel.advice")).toMatchObject({ span: { days: 60 }, aim: true, source: "framework" });
    const commerce = bodies.find((b) => b.kind === "commerce")!;
    expect(commerce.organisations).toBeNull();
    expect(commerce.timeframes).toEqual([{ kind: "commerce.review", rule: "R2.7", span: DEFAULT_POLICY.commerceReview, source: "policy" }]);
    expect(bodies.find((b) => b.kind === "national_dpa")!.timeframes).toEqual([]);
  });

  it("an administrator edits a body's details, audited with what they replaced; bad values and unknown bodies are refused", async () => {
    const a = await admin();
    const [ana] = await db().select().from(providers).where(eq(providers.slug, "ana"));
    await expect(updateBodyDetails(db(), a, { providerId: ana!.id, name: "", contactEmail: "not an address", website: "ftp://x" }, T0)).rejects.toMatchObject({
      fieldErrors: { name: ["required"], contactEmail: ["invalid_email"], website: ["invalid"] },
    });
    await expect(updateBodyDetails(db(), a, { providerId: "00000000-0000-4000-8000-000000000000", name: "X", contactEmail: "", website: "" }, T0)).rejects.toThrow(NotFoundError);
    await updateBodyDetails(db(), a, { providerId: ana!.id, name: "ANA Privacy Dispute Resolution", contactEmail: "disputes@ana.example", website: ana!.website ?? "" }, T0, { ip: "192.0.2.1" });
    const [after] = await db().select().from(providers).where(eq(providers.id, ana!.id));
    expect(after).toMatchObject({ name: "ANA Privacy Dispute Resolution", contactEmail: "disputes@ana.example", clockPolicy: ana!.clockPolicy, kind: ana!.kind, timeZone: ana!.timeZone });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entity, "provider"), eq(auditLog.entityId, ana!.id))).orderBy(desc(auditLog.seq));
    expect(entry).toMatchObject({ action: "details_updated", ip: "192.0.2.1", data: { before: { name: ana!.name, contactEmail: null }, after: { name: "ANA Privacy Dispute Resolution", contactEmail: "disputes@ana.example" } } });
    expect((entry!.data as { before: Record<string, unknown> }).before).not.toHaveProperty("website");
  });

  it("an administrator sets an IRM's own timeframes: its open cases get the ladder's new due dates, audited with the count", async () => {
    const a = await admin();
    const [jams] = await db().select().from(providers).where(eq(providers.slug, "jams"));
    // SessionM names JAMS: a case the company let pass its 45 days goes there.
    const { caseId } = await fileCase(db(), filing({ organisationSlug: "sessionm", email: "clocks@example.de", country: "DE" }), T0);
    await recordEvent(db(), await actorByEmail(db(), "clocks@example.de"), caseId, { type: "irm.escalated", data: {} }, { now: at(46) });
    const decisionDue = async () =>
      (await db().select({ dueAt: deadlines.dueAt }).from(deadlines).where(and(eq(deadlines.caseId, caseId), eq(deadlines.clockId, "irm.determination"))))[0]!.dueAt;
    const before = await decisionDue();
    expect((await listBodies(db(), a)).find((b) => b.slug === "jams")).toMatchObject({ openCases: 1, clocks: jams!.clockPolicy ?? DEFAULT_POLICY.providerDefault });

    // Refused values: each field says why, nothing changes.
    await expect(
      updateBodyClocks(db(), a, { providerId: jams!.id, acknowledgeDays: "0", acknowledgeUnit: "weeks", determinationDays: "", determinationUnit: "calendar", pausesWhileAwaitingComplainant: true }, at(47)),
    ).rejects.toMatchObject({ fieldErrors: { acknowledgeDays: ["days_range"], acknowledgeUnit: ["invalid"], determinationDays: ["required"] } });
    await expect(updateBodyClocks(db(), a, { providerId: jams!.id, acknowledgeDays: "2.5", acknowledgeUnit: "working", determinationDays: "366", determinationUnit: "calendar", pausesWhileAwaitingComplainant: true }, at(47))).rejects.toMatchObject({
      fieldErrors: { acknowledgeDays: ["days_range"], determinationDays: ["days_range"] },
    });
    // Only an IRM publishes its own clocks.
    const [commerce] = await db().select().from(providers).where(eq(providers.kind, "commerce"));
    await expect(updateBodyClocks(db(), a, { providerId: commerce!.id, acknowledgeDays: "3", acknowledgeUnit: "working", determinationDays: "30", determinationUnit: "calendar", pausesWhileAwaitingComplainant: true }, at(47))).rejects.toThrow(NotFoundError);
    expect(await decisionDue()).toEqual(before);

    // JAMS decides in 30 calendar days rather than 45: the case's decision is due 15 days sooner.
    const done = await updateBodyClocks(db(), a, { providerId: jams!.id, acknowledgeDays: "3", acknowledgeUnit: "working", determinationDays: "30", determinationUnit: "calendar", pausesWhileAwaitingComplainant: true }, at(47), { ip: "192.0.2.3" });
    expect(done.recomputed).toBe(1);
    const after = await decisionDue();
    expect(after.getTime()).toBeLessThan(before.getTime());
    // The date is the ladder's, from the case's events and the new clocks: 15 days before the defaults' 45.
    const [row] = await db().select().from(cases).where(eq(cases.id, caseId));
    const [loaded] = await loadCases(db(), [row!]);
    const snap = snapshot(loaded!.facts, at(47));
    const decision = (s: typeof snap) => s.clocks.find((c) => c.id === "irm.determination")!.dueAt;
    expect(decision(snap)).toEqual(after);
    expect(decision(snapshot({ ...loaded!.facts, providers: {} }, at(47))).getTime() - after.getTime()).toBe(15 * DAY_MS);
    expect(row!.nextDueAt).toEqual(owedDeadline(snap.clocks, snap.state)!.dueAt);

    const jamsNow = (await listBodies(db(), a)).find((b) => b.slug === "jams")!;
    expect(jamsNow).toMatchObject({ ownTimeframe: true, clocks: { acknowledge: { days: 3, unit: "working" }, determination: { days: 30, unit: "calendar" }, pausesWhileAwaitingComplainant: true } });
    expect(jamsNow.timeframes.find((f) => f.kind === "irm.determination")).toMatchObject({ span: { days: 30, unit: "calendar" }, source: "body" });
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.entity, "provider"), eq(auditLog.entityId, jams!.id), eq(auditLog.action, "clocks_updated")));
    expect(entry).toMatchObject({ ip: "192.0.2.3", data: { rule: "R2.3", before: jams!.clockPolicy, after: { determination: { days: 30, unit: "calendar" } }, recomputedCases: 1 } });
    // The same figures again change nothing and recompute nothing.
    expect((await updateBodyClocks(db(), a, { providerId: jams!.id, acknowledgeDays: "3", acknowledgeUnit: "working", determinationDays: "30", determinationUnit: "calendar", pausesWhileAwaitingComplainant: true }, at(48))).recomputed).toBe(0);
  });

  it("nobody but an administrator reads or changes the bodies or the settings", async () => {
    const [jams] = await db().select().from(providers).where(eq(providers.slug, "jams"));
    for (const actor of await outsiders()) {
      await expect(listBodies(db(), actor)).rejects.toThrow(NotFoundError);
      await expect(updateBodyDetails(db(), actor, { providerId: jams!.id, name: "Taken over", contactEmail: "", website: "" }, T0)).rejects.toThrow(NotFoundError);
      await expect(updateBodyClocks(db(), actor, { providerId: jams!.id, acknowledgeDays: "1", acknowledgeUnit: "calendar", determinationDays: "1", determinationUnit: "calendar", pausesWhileAwaitingComplainant: false }, T0)).rejects.toThrow(NotFoundError);
      await expect(retentionPolicy(db(), actor)).rejects.toThrow(NotFoundError);
      await expect(updateRetentionPolicy(db(), actor, 400, T0, { confirmedShorter: true })).rejects.toThrow(NotFoundError);
      await expect(referralPrompts(db(), actor, T0)).rejects.toThrow(NotFoundError);
    }
    expect((await db().select({ name: providers.name }).from(providers).where(eq(providers.id, jams!.id)))[0]!.name).toBe(jams!.name);
    expect((await db().select({ clockPolicy: providers.clockPolicy }).from(providers).where(eq(providers.id, jams!.id)))[0]!.clockPolicy).toEqual(jams!.clockPolicy);
  });

  it("disabling needs a reason; an administrator ends a person's sessions without disabling them", async () => {
    const a = await admin();
    const [staff] = await db().select({ id: users.id }).from(users).where(eq(users.email, "staff@sessionm.example"));
    await expect(setAccountDisabled(db(), a, staff!.id, true, T0, "  ")).rejects.toThrow(ValidationError);
    expect((await db().select({ d: users.disabledAt }).from(users).where(eq(users.id, staff!.id)))[0]!.d).toBeNull();
    await startSession(db(), staff!.id);
    await startSession(db(), staff!.id);
    expect(await activeSessionCount(db(), staff!.id)).toBeGreaterThanOrEqual(2);
    const listed = (await listAccounts(db(), a, "staff@sessionm.example")).find((u) => u.id === staff!.id)!;
    expect(listed.liveSessions.length).toBe(listed.sessions);
    expect(listed.liveSessions.every((x) => x.expires > x.createdAt)).toBe(true);
    await expect(endAccountSessions(db(), await actorByEmail(db(), "admin@mparticle.example"), staff!.id, T0)).rejects.toThrow(NotFoundError);
    expect(await endAccountSessions(db(), a, staff!.id, T0)).toBeGreaterThanOrEqual(2);
    expect(await activeSessionCount(db(), staff!.id)).toBe(0);
    expect((await listAccounts(db(), a, "staff@sessionm.example")).find((u) => u.id === staff!.id)!.liveSessions).toEqual([]);
    expect((await db().select({ d: users.disabledAt }).from(users).where(eq(users.id, staff!.id)))[0]!.d).toBeNull();
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "sessions_ended"), eq(auditLog.entityId, staff!.id)));
    expect(entry!.data).toMatchObject({ by: "administrator" });
  });

  it("prompts once per company while the ladder proposes a referral, withdraws it once the referral exists, and delists only after it was made, with a reason", async () => {
    const a = await admin();
    const bbb = await actorByEmail(db(), "liaison@bbb.example");
    const { caseId } = await fileCase(db(), filing({ organisationSlug: "mparticle", email: "register-one@example.eu", country: "DE" }), T0);
    const { caseId: second } = await fileCase(db(), filing({ organisationSlug: "mparticle", email: "register-two@example.eu", country: "DE" }), T0);
    for (const [id, email] of [[caseId, "register-one@example.eu"], [second, "register-two@example.eu"]] as const) {
      await recordEvent(db(), await actorByEmail(db(), "staff@mparticle.example"), id, { type: "organisation.responded", data: {} }, { now: at(1) });
      await recordEvent(db(), await actorByEmail(db(), email), id, { type: "irm.escalated", data: {} }, { now: at(2) });
      await recordEvent(db(), bbb, id, { type: "irm.eligibility_decided", data: { decision: "eligible" } }, { now: at(3) });
      await recordEvent(db(), bbb, id, { type: "irm.determined", data: { verdict: "upheld", remedies: [{ id: "rem-1", kind: "delete", dueAt: at(30) }, { id: "rem-2", kind: "stop_processing", dueAt: at(30) }] } }, { now: at(5) });
    }
    const [mparticle] = await db().select().from(organisations).where(eq(organisations.slug, "mparticle"));
    const ofMparticle = async (now: Date) => (await referralPrompts(db(), a, now)).filter((p) => p.organisationId === mparticle!.id);

    // Not yet due: no prompt.
    expect(await ofMparticle(at(20))).toEqual([]);
    // Overdue on two cases: one entry for the company, naming both cases.
    const prompted = await ofMparticle(at(40));
    expect(prompted).toHaveLength(1);
    expect(prompted[0]!.prompts.filter((p) => [caseId, second].includes(p.caseId)).map((p) => [p.caseId, p.referrer]).sort()).toEqual([[caseId, "irm"], [second, "irm"]].sort());

    // Persistent failure of both remedies prompts the administrators once per case, in the bell and by mail.
    await sweepDeadlines(db(), at(61));
    const admins = (await db().select({ id: users.id }).from(users).where(eq(users.isAdmin, true))).length;
    const bellPrompts = (id: string) => db().select().from(outbox).where(and(eq(outbox.caseId, id), eq(outbox.template, "notice:referral-proposed"), isNotNull(outbox.userId)));
    expect(await bellPrompts(caseId)).toHaveLength(admins);
    expect(await bellPrompts(second)).toHaveLength(admins);

    // Delisting before any referral: refused by the rule, nothing changes.
    await expect(delistOrganisation(db(), a, mparticle!.id, at(61), "Refuses the determination")).rejects.toThrow(RuleError);
    await takeStep(db(), a, { caseId, action: "propose_referral", target: "irm", party: "administrator" }, at(62), {});
    expect((await ofMparticle(at(62)))[0]!.prompts.map((p) => p.caseId)).not.toContain(caseId);
    expect((await ofMparticle(at(62)))[0]!.prompts.map((p) => p.caseId)).toContain(second);
    // The referral withdraws its case's prompt from the bell, and only that case's.
    expect(await bellPrompts(caseId)).toEqual([]);
    expect(await bellPrompts(second)).toHaveLength(admins);
    // Proposed is not made.
    await expect(delistOrganisation(db(), a, mparticle!.id, at(62), "Refuses the determination")).rejects.toMatchObject({ reason: { code: "referral_not_made" } });
    const referral = (await listReferrals(db(), a)).find((r) => r.caseId === caseId)!;
    expect(referral.status).toBe("proposed");
    await takeStep(db(), a, { caseId, action: "advance_referral", target: `${referral.id}:referred`, party: "administrator" }, at(63), {});
    expect((await listReferrals(db(), a)).find((r) => r.id === referral.id)!.status).toBe("referred");

    for (const actor of await outsiders()) await expect(delistOrganisation(db(), actor, mparticle!.id, at(63), "x")).rejects.toThrow(NotFoundError);
    await expect(delistOrganisation(db(), a, mparticle!.id, at(63), " ")).rejects.toMatchObject({ fieldErrors: { reason: ["required"] } });
    expect((await db().select({ s: certifications.status }).from(certifications).where(eq(certifications.organisationId, mparticle!.id))).map((c) => c.s)).not.toContain("removed");
    await delistOrganisation(db(), a, mparticle!.id, at(63), "Refuses the determination", { ip: "192.0.2.9" });
    expect(new Set((await db().select({ s: certifications.status }).from(certifications).where(eq(certifications.organisationId, mparticle!.id))).map((c) => c.s))).toEqual(new Set(["removed"]));
    // Its source is a code the pages word in each reader's language.
    expect(new Set((await db().select({ s: certifications.statusSource }).from(certifications).where(eq(certifications.organisationId, mparticle!.id))).map((c) => c.s))).toEqual(new Set(["delisted"]));
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, "delisted"), eq(auditLog.entityId, mparticle!.id)));
    expect(entry).toMatchObject({ ip: "192.0.2.9", data: { rule: "R4.2", reason: "Refuses the determination" } });
  });
});
