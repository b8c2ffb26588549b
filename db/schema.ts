/**
 * The Recourse data model: one schema for PGlite and PostgreSQL. Case history lives in
 * `case_events` (append-only, enforced by a trigger in the migrations); the tables marked
 * "projection" are rebuilt from the events by lib/cases in the same transaction.
 */
import { sql } from "drizzle-orm";
import type { ReportEntry } from "@/lib/reports/annual-report";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { CERTIFICATION_STATUSES } from "../lib/ladder/certification";
import { REFERRAL_STATUSES } from "../lib/ladder/events";
import { FRAMEWORK_IDS } from "../lib/ladder/frameworks";

/** Binary content; PGlite hands back a Uint8Array and postgres-js a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const tz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => tz("created_at").notNull().defaultNow();

// The ladder owns these vocabularies; the database stores them. (Relative imports: drizzle-kit
// reads this file without the app's path aliases.)
export const frameworkEnum = pgEnum("framework", FRAMEWORK_IDS);
export const certificationStatusEnum = pgEnum("certification_status", CERTIFICATION_STATUSES);
export const providerKindEnum = pgEnum("provider_kind", ["adr", "dpa_panel", "fdpic", "ico", "commerce", "arbitration_administrator", "national_dpa", "gra"]);
export const membershipRoleEnum = pgEnum("membership_role", [
  "org_staff",
  "org_admin",
  "provider_liaison",
  "panel_member",
  "commerce_officer",
  "arbitration_administrator",
  "dpa_officer",
]);
export const messageVisibilityEnum = pgEnum("message_visibility", ["complainant", "organisation", "provider", "internal"]);
export const referralStatusEnum = pgEnum("referral_status", REFERRAL_STATUSES);
export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "failed"]);
export const apiTokenScopeEnum = pgEnum("api_token_scope", ["read", "act"]);
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed"]);

// ——— Directory ———

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    city: text("city"),
    country: text("country").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    contactEmail: text("contact_email"),
    contactAddress: text("contact_address"),
    website: text("website"),
    claimsParticipation: boolean("claims_participation").notNull().default(false),
    /** R2.1 policy override: acknowledgment span, e.g. {"days":5,"unit":"working"}. */
    acknowledgePolicy: jsonb("acknowledge_policy").$type<{ days: number; unit: "calendar" | "working" }>(),
    /** R2.2: its policy sends individuals to the IRM when they receive no timely acknowledgment. */
    irmOnMissedAcknowledgment: boolean("irm_on_missed_acknowledgment").notNull().default(false),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("organisations_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`)],
);

export const providers = pgTable("providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: providerKindEnum("kind").notNull(),
  website: text("website"),
  /** Where the body takes questions about its recourse (set by the administrators). */
  contactEmail: text("contact_email"),
  timeZone: text("time_zone").notNull().default("UTC"),
  /** R2.3: the provider's own clocks; null = Recourse's defaults. */
  clockPolicy: jsonb("clock_policy").$type<{
    acknowledge: { days: number; unit: "calendar" | "working" };
    determination: { days: number; unit: "calendar" | "working" };
    pausesWhileAwaitingComplainant: boolean;
  }>(),
  createdAt: createdAt(),
});

export const certifications = pgTable(
  "certifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    framework: frameworkEnum("framework").notNull(),
    status: certificationStatusEnum("status").notNull(),
    retainsFrameworkData: boolean("retains_framework_data").notNull().default(true),
    /** R1.3: 'provider' (with irm_provider_id) or 'dpa'; null when none is named. */
    irmKind: text("irm_kind").$type<"provider" | "dpa">(),
    irmProviderId: uuid("irm_provider_id").references(() => providers.id),
    coversHrData: boolean("covers_hr_data"),
    /** R1.4: countries outside the framework's region that the certification names as covered. */
    alsoCovers: text("also_covers").array().notNull().default(sql`'{}'::text[]`),
    /** R1.2: when the status took effect, and where Recourse learned it (the official list, the company's notice). */
    statusSince: tz("status_since").notNull().defaultNow(),
    statusSource: text("status_source").notNull(),
    /** The official participant list's certification (or latest recertification) date and next due date, as last imported. */
    certifiedOn: date("certified_on", { mode: "string" }),
    recertificationDue: date("recertification_due", { mode: "string" }),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("certifications_org_framework").on(t.organisationId, t.framework),
    check("certifications_irm_provider", sql`(${t.irmKind} = 'provider') = (${t.irmProviderId} is not null)`),
  ],
);

// ——— People (Auth.js tables first) ———

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("emailVerified", { mode: "date" }),
  image: text("image"),
  locale: text("locale"),
  isAdmin: boolean("is_admin").notNull().default(false),
  /** Set by an administrator: the account's sessions are ended and it cannot sign in. */
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** The authenticator app's shared secret, encrypted (lib/auth/second-factor.ts); set once confirmed. */
  totpSecret: text("totp_secret"),
  /** A secret shown for enrolment, kept until the person confirms it with a code. */
  totpPendingSecret: text("totp_pending_secret"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** Hashes of the one-time recovery codes still unused. */
  recoveryCodes: jsonb("recovery_codes").$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/**
 * An organisation admin's invitation: a colleague joins only by accepting it from the mailed
 * link (a POST), within its lifetime, unless it was cancelled. The token is stored hashed.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    role: membershipRoleEnum("role").notNull(),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: tz("expires_at").notNull(),
    acceptedAt: tz("accepted_at"),
    /** The invited person said no (the invitation is closed as by `cancelledAt`, and says so). */
    declinedAt: tz("declined_at"),
    cancelledAt: tz("cancelled_at"),
  },
  (t) => [index("invitations_organisation").on(t.organisationId, t.email)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date" }).notNull(),
  /** The absolute lifetime counts from here, however often the session is used. */
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** When the person signed in here passed the second factor (privileged roles need it outside demo mode). */
  secondFactorAt: timestamp("second_factor_at", { withTimezone: true }),
});

export const verificationTokens = pgTable(
  "verificationTokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** A user's place in an organisation or a provider (exactly one of the two). */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    role: membershipRoleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("memberships_user").on(t.userId),
    uniqueIndex("memberships_user_org").on(t.userId, t.organisationId),
    uniqueIndex("memberships_user_provider").on(t.userId, t.providerId),
    check("memberships_one_home", sql`(${t.organisationId} is null) <> (${t.providerId} is null)`),
  ],
);

/**
 * An organisation's reply templates. Their placeholders are checked when saved and filled on
 * the server from the case (lib/organisations/reply-templates.ts).
 */
export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reply_templates_org_name").on(t.organisationId, t.name)],
);

// ——— Cases ———

export const cases = pgTable(
  "cases",
  {
    /**
     * Time-ordered (UUIDv7, migration 0017): cases filed together sit together in every index
     * that leads with the case id, so a sweep of the clocks they started together touches a
     * few hundred index pages rather than one per case.
     */
    id: uuid("id").primaryKey().default(sql`uuid_v7()`),
    reference: text("reference").notNull().unique(),
    /** A double submit of the same form carries the same key and makes one case. */
    idempotencyKey: text("idempotency_key").unique(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    framework: frameworkEnum("framework").notNull(),
    hrData: boolean("hr_data").notNull(),
    /** The certification as it stood at filing: later changes apply to new cases only. */
    certificationSnapshot: jsonb("certification_snapshot").notNull(),
    // DOMAIN.md §5: what a complaint holds.
    complainantUserId: text("complainant_user_id").notNull().references(() => users.id),
    complainantName: text("complainant_name").notNull(),
    complainantEmail: text("complainant_email").notNull(),
    complainantCountry: text("complainant_country").notNull(),
    /** R1.3: for HR data, the country where the complainant works, when it is not where they live. */
    workCountry: text("work_country"),
    preferredLanguage: text("preferred_language").notNull().default("en"),
    dataSubject: text("data_subject").$type<"self" | "child">().notNull().default("self"),
    companyIdentifier: text("company_identifier"),
    exporter: text("exporter"),
    transferReason: text("transfer_reason"),
    principles: text("principles").array().notNull().default(sql`'{}'::text[]`),
    description: text("description").notNull(),
    reliefSought: text("relief_sought").array().notNull().default(sql`'{}'::text[]`),
    priorContact: jsonb("prior_contact").$type<{ date: string | null; outcome: string | null } | null>(),
    otherSteps: text("other_steps"),
    consentAt: tz("consent_at").notNull(),
    // Projection of the events, for dashboards.
    rung: text("rung").notNull().default("organisation"),
    status: text("status").$type<"open" | "closed">().notNull().default("open"),
    nextDueAt: tz("next_due_at"),
    /** The party that owes the step due at next_due_at (the ladder's owed deadline), for "needs response" views. */
    owedBy: text("owed_by"),
    /** Who the case waits on now (lib/ladder/status.ts waitingOn); 'unprojected' until the sweep projects a case from before the column. */
    waitingOn: text("waiting_on"),
    assigneeUserId: text("assignee_user_id").references(() => users.id),
    /** The complainant asked for erasure of this closed case; the retention job carries it out. */
    erasureRequestedAt: tz("erasure_requested_at"),
    /** The hash of the case's last event: deleting the newest events breaks the match. */
    headHash: text("head_hash"),
    /** Optimistic concurrency: every command names the version it saw. */
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: tz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // Migrations 0004, 0046 and 0047 rebuild this index with INCLUDE columns (the views count from it); 0004 adds cases_org_due.
    index("cases_org_queue").on(t.organisationId, t.status, t.nextDueAt),
    index("cases_waiting_on_unprojected").on(t.id).where(sql`waiting_on = 'unprojected'`),
    index("cases_org_newest").on(t.organisationId, t.status, t.createdAt),
    index("cases_complainant").on(t.complainantUserId, t.createdAt),
  ],
);

/**
 * What the queue searches (reference, complainant's name and email), apart from the case row:
 * these never change after filing, while the case row changes at every step, and a changed
 * row costs an entry in every index of its table, trigram indexes the dearest (migration 0010
 * moved them here). A trigger on `cases` writes the row with the case.
 */
export const caseSearch = pgTable(
  "case_search",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    reference: text("reference").notNull(),
    complainantName: text("complainant_name").notNull(),
    complainantEmail: text("complainant_email").notNull(),
  },
  (t) => [
    // Substring matches need trigrams, and btree_gin lets one GIN index hold the organisation too.
    index("case_search_org_reference_trgm").using("gin", t.organisationId, sql`${t.reference} gin_trgm_ops`),
    index("case_search_org_complainant_name_trgm").using("gin", t.organisationId, sql`${t.complainantName} gin_trgm_ops`),
    index("case_search_org_complainant_email_trgm").using("gin", t.organisationId, sql`${t.complainantEmail} gin_trgm_ops`),
  ],
);

/**
 * The bodies a case was handed to (ADR provider, DPA panel, Commerce, arbitration
 * administrator), from the moment of escalation: a provider sees exactly these cases.
 */
export const caseBodies = pgTable(
  "case_bodies",
  {
    caseId: uuid("case_id").notNull().references(() => cases.id),
    providerId: uuid("provider_id").notNull().references(() => providers.id),
    rung: text("rung").notNull(),
    since: tz("since").notNull(),
    /** The case file as it stood at hand-over (timeline, documents with SHA-256), and its hash. */
    handover: jsonb("handover"),
    handoverSha256: text("handover_sha256"),
    /** The case's view in this body's inbox (lib/ladder/body-inbox.ts), projected with every event; null where the body has no view of it. */
    view: text("view"),
    /** When the view moves on with no step (a panel's window to comment closing): the sweep projects the case again then. */
    viewChangesAt: tz("view_changes_at"),
    /** The body's own step on the case: its owed deadline, else its earliest clock running. */
    dueAt: tz("due_at"),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.providerId] }),
    // One view of a body's inbox in its order (own deadline first, then the latest received), and each view's count.
    index("case_bodies_inbox").on(t.providerId, t.view, t.dueAt.asc().nullsLast(), t.since.desc(), t.caseId),
    index("case_bodies_view_changes").on(t.viewChangesAt).where(sql`view_changes_at IS NOT NULL`),
  ],
);

/** Append-only history: every change to a case, with actor and time, hash-chained per case. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    /** When it happened (the server clock, which demo mode may offset). */
    at: tz("at").notNull(),
    party: text("party").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    data: jsonb("data").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull(),
    recordedAt: tz("recorded_at").notNull().defaultNow(),
    /** The client's Idempotency-Key for a step sent through the API: the same key on a case makes one event. */
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [uniqueIndex("case_events_case_seq").on(t.caseId, t.seq), uniqueIndex("case_events_idempotency").on(t.caseId, t.idempotencyKey).where(sql`idempotency_key IS NOT NULL`)],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    authorUserId: text("author_user_id").references(() => users.id),
    authorParty: text("author_party").notNull(),
    visibility: messageVisibilityEnum("visibility").notNull(),
    body: text("body").notNull(),
    /** The Message-ID of the e-mail reply this message came from: the same mail delivered twice makes one message. */
    mailMessageId: text("mail_message_id"),
    /** An API client's Idempotency-Key: sent again on the same case, it answers with this message. */
    idempotencyKey: text("idempotency_key"),
    /** The step this message was written with (its event's seq): a formal response, a request for information… */
    stepSeq: integer("step_seq"),
    createdAt: createdAt(),
  },
  (t) => [index("messages_case").on(t.caseId, t.createdAt), uniqueIndex("messages_mail_message_id").on(t.caseId, t.mailMessageId).where(sql`mail_message_id IS NOT NULL`), uniqueIndex("messages_idempotency_key").on(t.caseId, t.idempotencyKey).where(sql`idempotency_key IS NOT NULL`)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    messageId: uuid("message_id").references(() => messages.id),
    uploadedByUserId: text("uploaded_by_user_id").references(() => users.id),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** An API client's Idempotency-Key: sent again on the case, the document it stored answers. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_case").on(t.caseId), uniqueIndex("attachments_idempotency_key").on(t.caseId, t.idempotencyKey).where(sql`idempotency_key IS NOT NULL`)],
);

/**
 * A complaint sent from the form but not yet confirmed from the complainant's mailbox (the
 * address must be theirs before the company sees anything). Its payload is the filing form's
 * input, already checked; its evidence waits in `filing_attachments`. Confirming files the
 * case, empties the payload and keeps the row as the link's answer until it expires; expired
 * rows are deleted.
 */
export const filings = pgTable(
  "filings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The form draft's key: sending the same draft again replaces the filing and its link. */
    idempotencyKey: uuid("idempotency_key").notNull().unique(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: text("locale").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    /** When the current link was mailed: within a day, confirming also signs the person in. */
    sentAt: tz("sent_at").notNull(),
    expiresAt: tz("expires_at").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [index("filings_expires").on(t.expiresAt)],
);

export const filingAttachments = pgTable(
  "filing_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    filingId: uuid("filing_id").notNull().references(() => filings.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
  },
  (t) => [index("filing_attachments_filing").on(t.filingId)],
);

/** Projection: every clock of every open case, as the ladder computed it after the last event. */
export const deadlines = pgTable(
  "deadlines",
  {
    caseId: uuid("case_id").notNull().references(() => cases.id),
    clockId: text("clock_id").notNull(),
    kind: text("kind").notNull(),
    rule: text("rule").notNull(),
    party: text("party").notNull(),
    startedAt: tz("started_at").notNull(),
    dueAt: tz("due_at").notNull(),
    state: text("state").notNull(),
    /** The acting party's time zone: the day a reminder names is the day in this zone. */
    zone: text("zone").notNull().default("UTC"),
    /** When the next reminder of a running clock falls due (lib/deadlines/reminder-instants.ts); null when none is left. */
    remindAt: tz("remind_at"),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.clockId] }),
    index("deadlines_due").on(t.state, t.dueAt),
    // The sweep's reminder claim: only the clocks whose reminder has come.
    index("deadlines_remind").on(t.remindAt).where(sql`state = 'running' AND remind_at IS NOT NULL`),
    // Missed clocks pile up with the years; the sweep looks among them for unmet remedies only.
    index("deadlines_missed_remedies").on(t.dueAt).where(sql`kind = 'remedy' AND state = 'missed'`),
  ],
);

/**
 * The reminders the deadline sweep has sent: one row per clock, threshold and due date, so a
 * sweep that runs twice, or on two instances at once, sends each reminder once. A due date
 * that moves (a pause) is a new reminder. Threshold -N marks "N days past due" notices.
 */
export const clockNotices = pgTable(
  "clock_notices",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    clockId: text("clock_id").notNull(),
    thresholdDays: integer("threshold_days").notNull(),
    dueAt: tz("due_at").notNull(),
    noticedAt: tz("noticed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.clockId, t.dueAt, t.thresholdDays] })],
);

/** Projection: remedies ordered on a case (R4.3). */
export const remedies = pgTable(
  "remedies",
  {
    caseId: uuid("case_id").notNull().references(() => cases.id),
    remedyKey: text("remedy_key").notNull(),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    orderedAt: tz("ordered_at").notNull(),
    dueAt: tz("due_at").notNull(),
    compliedAt: tz("complied_at"),
    evidence: text("evidence"),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.remedyKey] })],
);

/** Projection: the FTC referral register (R4.1). */
export const ftcReferrals = pgTable(
  "ftc_referrals",
  {
    id: text("id").primaryKey(),
    /** The register outlives the case: erasure of the case leaves the referral, unlinked. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "set null" }),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id),
    referrer: text("referrer").notNull(),
    status: referralStatusEnum("status").notNull(),
    createdAt: tz("created_at").notNull(),
    updatedAt: tz("updated_at").notNull(),
  },
  (t) => [index("ftc_referrals_status").on(t.status, t.updatedAt)],
);

/**
 * Mail to send and bell items, written in the transaction that causes them; each exists once
 * by its key. A notice to a person is one row (migration 0019): in their bell when it names
 * the user, and mailed when it has an address. A mail that is not a notice (a sign-in link,
 * a receipt) names no user; a bell item that is not mailed has no address and no status.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** Null for a bell item that is not mailed. */
    toEmail: text("to_email"),
    locale: text("locale").notNull().default("en"),
    template: text("template").notNull(),
    /**
     * A notice (template `notice:<kind>`) is stored as its parameters and worded when it is
     * shown or sent (lib/notifications/render.ts, lib/mail/content.ts): a sweep that writes
     * thousands stores a few hundred bytes each, not every rendering. What was sent is then
     * written here too.
     */
    params: jsonb("params").$type<Record<string, string | number>>(),
    subject: text("subject"),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    /** The case the mail or notice is about: it goes with the case. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    /** The bell's owner, for a notice; null for other mail. It goes with the person. */
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    readAt: tz("read_at"),
    /** Delivery: null when there is nothing to send. */
    status: outboxStatusEnum("status").default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: tz("sent_at"),
    createdAt: createdAt(),
  },
  // Delivery looks up pending mail by time (only pending: sent mail and bell items that are
  // not mailed, most of the table in time, have no entry), or a row by key; the bell by user.
  // An index per address cost every insert.
  (t) => [index("outbox_pending").on(t.nextAttemptAt).where(sql`status = 'pending'`), index("outbox_bell").on(t.userId, t.readAt, t.createdAt).where(sql`user_id IS NOT NULL`)],
);

/** A user's secret iCalendar feed of deadlines; only the token's SHA-256 is kept. Deleting the row revokes it. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  tokenSha256: text("token_sha256").notNull().unique(),
  createdAt: createdAt(),
  lastFetchedAt: tz("last_fetched_at"),
});

/**
 * What remains of an erased case: figures without a person. Months, not days, and no
 * reference, so that a row cannot be tied back to the complainant.
 */
export const caseStatistics = pgTable(
  "case_statistics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    framework: frameworkEnum("framework").notNull(),
    hrData: boolean("hr_data").notNull(),
    complainantRegion: text("complainant_region").notNull(),
    filedMonth: text("filed_month").notNull(),
    closedMonth: text("closed_month"),
    highestRung: text("highest_rung").notNull(),
    /** The providers the case reached, for per-provider reports. */
    providerIds: uuid("provider_ids").array().notNull().default(sql`'{}'::uuid[]`),
    closedBy: text("closed_by"),
    breachedClocks: text("breached_clocks").array().notNull().default(sql`'{}'::text[]`),
    remediesOrdered: integer("remedies_ordered").notNull().default(0),
    remediesComplied: integer("remedies_complied").notNull().default(0),
    /** What the case adds to each provider's annual report (lib/reports/annual-report.ts), kept past erasure. */
    reportEntries: jsonb("report_entries").$type<{ providerId: string; entry: ReportEntry }[]>().notNull().default([]),
    reason: text("reason").$type<"retention" | "request">().notNull(),
    erasedAt: tz("erased_at").notNull(),
  },
  (t) => [index("case_statistics_org").on(t.organisationId, t.filedMonth)],
);

/**
 * R2.1: the link by which an organisation without a Recourse account acknowledges and answers
 * a complaint delivered to its published contact. Only the token's hash is kept; the answer
 * uses it up, and it expires.
 */
export const organisationLinks = pgTable(
  "organisation_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    sentTo: text("sent_to").notNull(),
    expiresAt: tz("expires_at").notNull(),
    usedAt: tz("used_at"),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [index("organisation_links_case").on(t.caseId)],
);

/**
 * Audit of changes outside cases (directory, users, policy); case history is in case_events.
 * Append-only and hash-chained in one global chain: a trigger (migration 0032) sets `seq`,
 * `prevHash`, `hash` and the personal-data commitment on insert, whatever the insert says.
 * The hash covers `personalDigest` (a salted hash of ip and user agent) instead of the two
 * values, so that erasure can clear them and their salt without breaking the chain.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorUserId: text("actor_user_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    data: jsonb("data").notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
    at: tz("at").notNull().defaultNow(),
    // Placeholders: the trigger sets the chain fields on every insert.
    seq: bigint("seq", { mode: "number" }).notNull().$defaultFn(() => 0),
    prevHash: text("prev_hash"),
    hash: text("hash").notNull().$defaultFn(() => ""),
    personalSalt: text("personal_salt"),
    personalDigest: text("personal_digest"),
  },
  (t) => [uniqueIndex("audit_log_seq").on(t.seq)],
);

/**
 * A system's key to the API on behalf of one organisation or one body (exactly one of the
 * two). Only the token's SHA-256 is kept; revoking dates it, and it also ends at its expiry.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: apiTokenScopeEnum("scope").notNull(),
    tokenSha256: text("token_sha256").notNull().unique(),
    /** The token's first characters, to tell tokens apart in lists. */
    hint: text("hint").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
    expiresAt: tz("expires_at").notNull(),
    revokedAt: tz("revoked_at"),
    lastUsedAt: tz("last_used_at"),
  },
  (t) => [
    index("api_tokens_organisation").on(t.organisationId),
    index("api_tokens_provider").on(t.providerId),
    check("api_tokens_one_owner", sql`(${t.organisationId} is null) <> (${t.providerId} is null)`),
  ],
);

/**
 * A webhook subscription of an organisation or a body (lib/webhooks): where its case events
 * are posted, which ones, and the Standard Webhooks secret they are signed with (sealed under
 * a key derived from AUTH_SECRET). After a rotation the previous secret signs too, until
 * `previousSecretUntil`.
 */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "cascade" }),
    providerId: uuid("provider_id").references(() => providers.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    eventTypes: text("event_types").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** `failing` when Recourse disabled it after persistent failure, `owner` when its admins did. */
    disabledReason: text("disabled_reason"),
    disabledAt: tz("disabled_at"),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: tz("previous_secret_until"),
    /** The first failed attempt since the last success; null while it succeeds. */
    failingSince: tz("failing_since"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: tz("created_at").notNull(),
  },
  (t) => [
    index("webhook_subscriptions_organisation").on(t.organisationId),
    index("webhook_subscriptions_provider").on(t.providerId),
    check("webhook_subscriptions_one_owner", sql`(${t.organisationId} is null) <> (${t.providerId} is null)`),
  ],
);

/**
 * The webhook outbox: one row per (subscription, event), written in the transaction that
 * records the event (the unique key makes it exist once), delivered by the worker with a
 * lease and retries. Its id is the message's `webhook-id`; the payload is fixed when written.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    /** What caused it, with the event type: `case.filed:ev:<case>:<seq>`. */
    eventKey: text("event_key").notNull(),
    type: text("type").notNull(),
    /** Erasing the case erases its deliveries. */
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    payload: jsonb("payload").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: tz("next_attempt_at").notNull().defaultNow(),
    lastAttemptAt: tz("last_attempt_at"),
    /** The receiver's last HTTP status; null when it gave none (refused, timed out). */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: tz("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_once").on(t.subscriptionId, t.eventKey),
    index("webhook_deliveries_pending").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_log").on(t.subscriptionId, t.createdAt),
    index("webhook_deliveries_case").on(t.caseId),
  ],
);

/**
 * Rate limits shared by every app instance: one counter per key and minute (a key names what
 * is limited and for whom, e.g. `sign-in:email:<address>`). Old minutes are swept away.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: tz("window_start").notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limits_window").on(t.windowStart)],
);

/** Global policy and runtime settings (the demo clock offset lives here). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: tz("updated_at").notNull().defaultNow(),
});
