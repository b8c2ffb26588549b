/**
 * R1.2: the official participant list, imported by an administrator. The file is read and
 * compared with the directory into a plan (organisations added, statuses changed, dates
 * changed, rows refused); nothing is stored until the administrator confirms that plan, and
 * then it is applied whole, in one transaction, through the certifications' one write path.
 *
 * The official list keeps inactive participants, so a company on the directory but absent
 * from the list is left as it is and named in the plan: absence is no evidence of a lapse.
 */
import { parse } from "csv-parse/sync";
import { asc, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { auditLog, certifications, organisations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canRecordCertificationStatus } from "@/lib/auth/policy";
import type { RequestMeta } from "@/lib/cases/commands";
import { sha256Of } from "@/lib/cases/hash-chain";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { CertificationStatus, FrameworkId } from "@/lib/ladder";
import { addCertification, auditedBy, endsParticipation, writeCertificationStatus, type CertificationChange } from "./certification-status";
import { participantListSource } from "./status-source";

export const PARTICIPANT_LIST_MAX_BYTES = 2 * 1024 * 1024;

const COLUMNS = ["organisation", "frameworks", "status", "certifiedOn", "recertificationDue"] as const;
export type ListColumn = (typeof COLUMNS)[number];

/** The headers each column is known by (any case, spaces and punctuation ignored); the first is the one documented. */
export const LIST_HEADERS: Record<ListColumn, readonly string[]> = {
  organisation: ["Organization Name", "Organisation Name", "Organization", "Organisation", "Name", "Participant"],
  frameworks: ["Frameworks", "Framework", "Programs", "Program"],
  status: ["Status", "Participation Status"],
  certifiedOn: ["Certification Date", "Recertification Date", "Certification/Recertification Date", "Last Certified", "Certified On"],
  recertificationDue: ["Next Recertification Due Date", "Next Recertification Due", "Recertification Due Date", "Recertification Due", "Next Certification Due Date"],
};

/** The frameworks the list names, by their spellings on dataprivacyframework.gov (compared without case, spaces or punctuation). */
const FRAMEWORK_NAMES: Record<string, FrameworkId> = {
  euusdpf: "eu-us-dpf",
  euusdataprivacyframework: "eu-us-dpf",
  ukextension: "uk-ext-dpf",
  ukextensiontotheeuusdpf: "uk-ext-dpf",
  ukextensiontotheeuusdataprivacyframework: "uk-ext-dpf",
  swissusdpf: "swiss-us-dpf",
  swissusdataprivacyframework: "swiss-us-dpf",
};

/** The list says "Active" or "Inactive"; the ladder's other statuses are accepted by their names. */
const STATUS_NAMES: Record<string, CertificationStatus> = { active: "active", inactive: "inactive", lapsed: "inactive", withdrawn: "withdrawn", removed: "removed" };

/** A Privacy Shield certification runs under its DPF successor (R1.1): the list's DPF entry updates it. */
const PREDECESSOR: Partial<Record<FrameworkId, FrameworkId>> = { "eu-us-dpf": "eu-us-ps", "swiss-us-dpf": "swiss-us-ps" };

const squash = (v: string) => v.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
/** Names compare without case, spacing or punctuation ("SessionM, Inc." is "sessionm inc"). */
const nameKey = squash;

export interface ListedParticipant {
  row: number;
  name: string;
  frameworks: FrameworkId[];
  status: CertificationStatus;
  certifiedOn: string;
  recertificationDue: string | null;
}

export type RowRefusalReason = "no_name" | "no_framework" | "unknown_framework" | "unknown_status" | "bad_date" | "duplicate" | "name_too_long";
export interface RowRefusal {
  /** The row in the file, the header being row 1. */
  row: number;
  reason: RowRefusalReason;
  /** What the row said, or the row that listed the organisation first. */
  value?: string;
}

/** YYYY-MM-DD, or the U.S. list's month-first M/D/YYYY; a real calendar day either way. */
export function listDate(raw: string): string | null {
  const v = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const [y, m, d] = iso ? [iso[1]!, iso[2]!, iso[3]!] : us ? [us[3]!, us[1]!.padStart(2, "0"), us[2]!.padStart(2, "0")] : [];
  if (!y) return null;
  const day = `${y}-${m}-${d}`;
  const date = new Date(`${day}T00:00:00Z`);
  // A month past 12 makes no date at all; 2026-02-30 makes another day.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null;
}

const refuseList = (key: string): never => {
  throw new ValidationError({ list: [key] });
};

/** The file's text: a CSV of at most the limit, UTF-8 (a byte-order mark is dropped), no binary. */
async function listText(file: unknown): Promise<string> {
  if (!(file instanceof File) || file.size === 0) return refuseList("required");
  if (file.size > PARTICIPANT_LIST_MAX_BYTES) return refuseList("list_too_big");
  const typed = /\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)|^application\/(vnd\.ms-excel|csv)$/.test(file.type);
  if (!typed) return refuseList("list_not_csv");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return refuseList("list_not_csv");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refuseList("list_not_csv");
  }
}

/**
 * The list's rows, each either a participant or a refusal with its row and reason. A file
 * that is not a CSV, lacks a column or has no rows is refused whole (`ValidationError` on `list`).
 */
export function parseParticipantList(text: string): { participants: ListedParticipant[]; refused: RowRefusal[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch {
    return refuseList("list_not_csv");
  }
  if (!records.length) return refuseList("list_empty");
  const header = records[0]!.record.map(squash);
  const at = Object.fromEntries(COLUMNS.map((c) => [c, header.findIndex((h) => LIST_HEADERS[c].some((known) => squash(known) === h))])) as Record<ListColumn, number>;
  if (COLUMNS.some((c) => at[c] < 0)) return refuseList("list_header");
  if (records.length < 2) return refuseList("list_empty");
  const participants: ListedParticipant[] = [];
  const refused: RowRefusal[] = [];
  const firstRow = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    const cell = (c: ListColumn) => record[at[c]] ?? "";
    const refuse = (reason: RowRefusalReason, value?: string) => refused.push({ row, reason, ...(value !== undefined ? { value } : {}) });
    const name = cell("organisation").replace(/\s+/g, " ");
    if (!name || !nameKey(name)) {
      refuse("no_name");
      continue;
    }
    if (name.length > 300 || /[<>\u0000-\u001F\u007F]/.test(name)) {
      refuse("name_too_long", name.slice(0, 80));
      continue;
    }
    const listed = cell("frameworks").split(/[;,|\n]/).map((f) => f.trim()).filter(Boolean);
    const unknown = listed.find((f) => !FRAMEWORK_NAMES[squash(f)]);
    const status = STATUS_NAMES[squash(cell("status"))];
    const certifiedOn = listDate(cell("certifiedOn"));
    const due = cell("recertificationDue");
    const recertificationDue = due ? listDate(due) : null;
    if (!listed.length) refuse("no_framework");
    else if (unknown) refuse("unknown_framework", unknown);
    else if (!status) refuse("unknown_status", cell("status"));
    else if (!certifiedOn) refuse("bad_date", cell("certifiedOn"));
    else if (due && !recertificationDue) refuse("bad_date", due);
    else if (firstRow.has(nameKey(name))) refuse("duplicate", String(firstRow.get(nameKey(name))));
    else {
      firstRow.set(nameKey(name), row);
      participants.push({ row, name, frameworks: [...new Set(listed.map((f) => FRAMEWORK_NAMES[squash(f)]!))], status, certifiedOn, recertificationDue });
    }
  }
  return { participants, refused };
}

type CertificationRecord = typeof certifications.$inferSelect;
type OrganisationRecord = Pick<typeof organisations.$inferSelect, "id" | "name" | "slug">;

export type PlannedChange =
  | { kind: "certification_added"; organisation: string; slug: string | null; framework: FrameworkId; status: CertificationStatus }
  | { kind: "status_changed"; organisation: string; slug: string; framework: FrameworkId; from: CertificationStatus; to: CertificationStatus; participant: boolean }
  | { kind: "dates_changed"; organisation: string; slug: string; framework: FrameworkId; certifiedOn: [string | null, string]; recertificationDue: [string | null, string | null] };

export interface ImportPlan {
  /** Identifies the list and the directory it was compared with: confirming applies only this plan. */
  digest: string;
  listed: number;
  /** Organisations new to the directory, each with its certifications. */
  added: { name: string; frameworks: FrameworkId[]; status: CertificationStatus }[];
  changes: PlannedChange[];
  unchanged: number;
  refused: RowRefusal[];
  /** On the directory with a certification, not on the list: left as they are. */
  absent: { name: string; slug: string }[];
}

/** The status a certification takes from the list, with the list's dates; null when nothing changes. */
function nextOf(cert: CertificationRecord, p: ListedParticipant, since: Date, source: string): CertificationChange | null {
  const statusChanges = cert.status !== p.status;
  const datesChange = cert.certifiedOn !== p.certifiedOn || cert.recertificationDue !== p.recertificationDue;
  if (!statusChanges && !datesChange) return null;
  const dates = { certifiedOn: p.certifiedOn, recertificationDue: p.recertificationDue };
  if (!statusChanges) return { status: cert.status, retainsFrameworkData: cert.retainsFrameworkData, statusSince: cert.statusSince, statusSource: cert.statusSource, ...dates };
  // The list does not say whether a lapsed company still holds framework data: it is taken not
  // to (so complaints go to the DPA) until an administrator records that it does.
  const retainsFrameworkData = p.status === "active";
  return { status: p.status, retainsFrameworkData, statusSince: since, statusSource: source, ...dates };
}

interface Directory {
  organisations: OrganisationRecord[];
  certifications: CertificationRecord[];
}

/** Compares the list with the directory: what confirming would do, row by row. Pure. */
export function planImport(list: ReturnType<typeof parseParticipantList>, directory: Directory, today: string) {
  const since = new Date(`${today}T00:00:00Z`);
  const source = participantListSource(today);
  const byName = new Map(directory.organisations.map((o) => [nameKey(o.name), o]));
  const added: ImportPlan["added"] = [];
  const changes: PlannedChange[] = [];
  const writes: { participant: ListedParticipant; organisation: OrganisationRecord | null; framework: FrameworkId; cert: CertificationRecord | null; next: CertificationChange }[] = [];
  let unchanged = 0;
  for (const p of list.participants) {
    const organisation = byName.get(nameKey(p.name)) ?? null;
    if (!organisation) added.push({ name: p.name, frameworks: p.frameworks, status: p.status });
    const held = directory.certifications.filter((c) => c.organisationId === organisation?.id);
    for (const framework of p.frameworks) {
      const cert = held.find((c) => c.framework === framework) ?? held.find((c) => c.framework === PREDECESSOR[framework]) ?? null;
      const name = organisation?.name ?? p.name;
      if (!cert) {
        const next = { status: p.status, retainsFrameworkData: p.status === "active", statusSince: since, statusSource: source, certifiedOn: p.certifiedOn, recertificationDue: p.recertificationDue };
        writes.push({ participant: p, organisation, framework, cert: null, next });
        if (organisation) changes.push({ kind: "certification_added", organisation: name, slug: organisation.slug, framework, status: p.status });
        continue;
      }
      const next = nextOf(cert, p, since, source);
      if (!next) {
        unchanged++;
        continue;
      }
      writes.push({ participant: p, organisation, framework: cert.framework, cert, next });
      changes.push(
        next.status !== cert.status
          ? { kind: "status_changed", organisation: name, slug: organisation!.slug, framework: cert.framework, from: cert.status, to: next.status, participant: !endsParticipation(next.status, next.retainsFrameworkData) }
          : { kind: "dates_changed", organisation: name, slug: organisation!.slug, framework: cert.framework, certifiedOn: [cert.certifiedOn, p.certifiedOn], recertificationDue: [cert.recertificationDue, p.recertificationDue] },
      );
    }
  }
  const onList = new Set(list.participants.map((p) => nameKey(p.name)));
  const certified = new Set(directory.certifications.map((c) => c.organisationId));
  const absent = directory.organisations.filter((o) => certified.has(o.id) && !onList.has(nameKey(o.name))).map((o) => ({ name: o.name, slug: o.slug }));
  const shown = { listed: list.participants.length + list.refused.length, added, changes, unchanged, refused: list.refused, absent };
  const plan: ImportPlan = { digest: sha256Of({ ...shown, today }), ...shown };
  return { plan, writes };
}

async function directoryOf(db: Db | Tx, lock: boolean): Promise<Directory> {
  const orgs = db.select({ id: organisations.id, name: organisations.name, slug: organisations.slug }).from(organisations).orderBy(asc(organisations.name));
  const certs = db.select().from(certifications).orderBy(asc(certifications.id));
  return { organisations: await (lock ? orgs.for("update") : orgs), certifications: await (lock ? certs.for("update") : certs) };
}

/** The import's day: the list's statuses take effect on the day it is imported (UTC). */
const importDay = (now: Date) => now.toISOString().slice(0, 10);

/** Reads an uploaded list and says what confirming it would change. Stores nothing. */
export async function previewParticipantList(db: Db, actor: Actor, file: unknown, now: Date): Promise<{ plan: ImportPlan; csv: string }> {
  if (!canRecordCertificationStatus(actor)) throw new NotFoundError();
  const csv = await listText(file);
  const { plan } = planImport(parseParticipantList(csv), await directoryOf(db, false), importDay(now));
  return { plan, csv };
}

const confirmSchema = z.object({
  csv: z.string({ message: "required" }).min(1, { message: "required" }).max(PARTICIPANT_LIST_MAX_BYTES, { message: "list_too_big" }),
  digest: z.string({ message: "required" }).regex(/^[0-9a-f]{64}$/, { message: "invalid" }),
});

/** A directory slug from a name: its letters and digits, made unique. */
function slugFor(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "organisation";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * Applies a previewed list, whole, in one transaction: the directory is compared again under
 * lock, and if the plan is no longer the one the administrator confirmed (the list or the
 * directory changed meanwhile) nothing is written (`ConflictError`). A list with refused rows
 * is not applied: the administrator corrects the file, so the directory never follows half a list.
 */
export async function applyParticipantList(db: Db, actor: Actor, input: unknown, now: Date, meta: RequestMeta = {}): Promise<ImportPlan> {
  if (!canRecordCertificationStatus(actor)) throw new NotFoundError();
  const { csv, digest } = confirmSchema.parse(input);
  const list = parseParticipantList(csv);
  if (list.refused.length) refuseList("list_has_refused_rows");
  return db.transaction(async (tx) => {
    // Two imports at once take turns, so the second compares against what the first added (row locks cannot cover rows not yet inserted).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('recourse.participant_list_import'))`);
    const directory = await directoryOf(tx, true);
    const { plan, writes } = planImport(list, directory, importDay(now));
    if (plan.digest !== digest) throw new ConflictError(0);
    const taken = new Set(directory.organisations.map((o) => o.slug));
    const created = new Map<ListedParticipant, string>();
    const audit = auditedBy(actor, now, meta);
    for (const w of writes) {
      let organisationId = w.organisation?.id ?? created.get(w.participant);
      if (!organisationId) {
        const [row] = await tx
          .insert(organisations)
          .values({ slug: slugFor(w.participant.name, taken), name: w.participant.name, country: "US", createdAt: now, updatedAt: now })
          .returning({ id: organisations.id, slug: organisations.slug });
        organisationId = row!.id;
        created.set(w.participant, organisationId);
        await tx.insert(auditLog).values({ ...audit, entity: "organisation", entityId: organisationId, action: "added_from_participant_list", data: { name: w.participant.name, slug: row!.slug, row: w.participant.row } });
      }
      if (w.cert) await writeCertificationStatus(tx, actor, w.cert, w.next, now, meta);
      else await addCertification(tx, actor, { organisationId, framework: w.framework, ...w.next }, now, meta);
    }
    await tx.insert(auditLog).values({
      ...audit,
      entity: "participant_list",
      entityId: digest,
      action: "imported",
      data: { rule: "R1.2", rows: plan.listed, organisationsAdded: plan.added.length, changes: plan.changes.length, unchanged: plan.unchanged, absentLeftAsTheyAre: plan.absent.length },
    });
    return plan;
  });
}
