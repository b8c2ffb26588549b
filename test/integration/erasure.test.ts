/**
 * Issue 21 item 9: erasing a person leaves nothing that names them anywhere in the database.
 * A complainant with a distinctive address, name, client address and user agent files a
 * case, asks for sign-in links, is rate-limited, gets mail (delivered, so its text is
 * stored), withdraws and asks for erasure; after the retention job, every row of every table
 * is read as text and searched for each of them. The same search, run before, finds each one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { seedDirectory, seedUsers } from "@/db/seed/seed";
import { verifyAuditLog } from "@/lib/audit/audit-chain";
import { verifyChains } from "@/lib/audit/verify-chain";
import { confirmationLink, storeSignInToken } from "@/lib/auth/magic-link";
import { fileCase, recordEvent } from "@/lib/cases/commands";
import { DAY_MS } from "@/lib/ladder";
import { deliverDue } from "@/lib/mail/deliver";
import { enqueueMail } from "@/lib/mail/outbox";
import { limitsFor, rateLimited } from "@/lib/rate-limit";
import { applyRetention } from "@/lib/retention/apply";
import { requestErasure } from "@/lib/users/my-data";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";
import { actorByEmail, filing } from "./support/helpers";
import { startSmtp, type TestSmtp } from "./support/smtp";

const T0 = new Date("2026-11-24T10:00:00Z");
const EMAIL = "Quintessa.Erasure-7q@Example.eu";
const NAME = "Quintessa Vandermolen";
const IP = "198.51.100.231";
const USER_AGENT = "ErasureProbe/7.7 (Quintara)";
const BYSTANDER = "bystander-5k@example.eu";

/** Every form in which the person could be stored: as given, lowercased, URL-encoded, and in parts. */
const NEEDLES = [EMAIL, EMAIL.toLowerCase(), encodeURIComponent(EMAIL.toLowerCase()), NAME, encodeURIComponent(NAME), NAME.replace(" ", "+"), "Vandermolen", IP, USER_AGENT, "ErasureProbe"];

/** Where each needle occurs: "schema.table: needle", over every base table, every row read as text (all columns, bytea as hex). */
async function whereFound(db: Db, needles: string[]): Promise<string[]> {
  const tables = rowsOf<{ table_schema: string; table_name: string }>(
    await db.execute(sql`SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`),
  );
  const columns = rowsOf<{ table_schema: string; table_name: string; n: number }>(
    await db.execute(sql`SELECT table_schema, table_name, count(*)::int AS n FROM information_schema.columns WHERE data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea') AND table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY 1, 2`),
  );
  // The search covers the tables that hold personal data at all: those with text-like columns.
  expect(columns.length).toBeGreaterThan(10);
  const found: string[] = [];
  for (const t of tables) {
    const name = `"${t.table_schema.replace(/"/g, '""')}"."${t.table_name.replace(/"/g, '""')}"`;
    for (const needle of needles) {
      const lower = needle.toLowerCase();
      const hex = Buffer.from(needle, "utf8").toString("hex");
      const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(name)} AS r WHERE strpos(lower(r::text), ${lower}) > 0 OR strpos(lower(r::text), ${hex}) > 0`));
      if (row!.n > 0) found.push(`${t.table_schema}.${t.table_name}: ${needle}`);
    }
  }
  return found;
}

describe.each(KINDS)("erasure of a person on %s", (kind) => {
  let database: TestDatabase;
  let smtp: TestSmtp | undefined;
  const db = () => database.db;
  const rateLimitSetting = process.env.RECOURSE_RATE_LIMIT;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDirectory(database.db);
    await seedUsers(database.db);
    delete process.env.RECOURSE_RATE_LIMIT;
  });
  afterAll(async () => {
    if (rateLimitSetting === undefined) delete process.env.RECOURSE_RATE_LIMIT;
    else process.env.RECOURSE_RATE_LIMIT = rateLimitSetting;
    delete process.env.SMTP_URL;
    await smtp?.close();
    await database?.close();
  });

  it("leaves no trace of the address, the name, the client address or the user agent in any table", async () => {
    const meta = { ip: IP, userAgent: USER_AGENT };
    const filed = await fileCase(db(), filing({ email: EMAIL, name: NAME }), T0, meta);
    const bystander = await fileCase(db(), filing({ email: BYSTANDER, name: "Bea Bystander" }), T0, { ip: "192.0.2.9", userAgent: "OtherAgent/1" });

    // Signing in, as Auth.js and the sign-in form do it: rate limits by address and client,
    // a stored token, the link mailed; and a database session row.
    for (const action of ["sign-in", "filing"]) await rateLimited(db(), limitsFor(action, EMAIL, IP, 5, 20), T0);
    await storeSignInToken(db(), EMAIL.toLowerCase(), "hashed-token-of-the-test", 10 * 60_000);
    await enqueueMail(db(), { dedupeKey: "sign-in:erasure-test", to: EMAIL.toLowerCase(), locale: "en", template: "sign-in", params: { url: confirmationLink("en", EMAIL.toLowerCase(), "token", "/en/home"), minutes: "10" } });
    const [person] = await db().select().from(users).where(eq(users.email, EMAIL.toLowerCase()));
    expect(person).toBeDefined();
    await db().insert(sessions).values({ sessionToken: "session-of-the-erased-person", userId: person!.id, expires: new Date(T0.getTime() + DAY_MS) });

    const complainant = await actorByEmail(db(), EMAIL.toLowerCase());
    await recordEvent(db(), complainant, filed.caseId, { type: "complainant.withdrew", data: {} }, { now: new Date(T0.getTime() + DAY_MS), meta, message: { body: `${NAME} withdraws; write to ${EMAIL}.`, visibility: "complainant" } });
    await requestErasure(db(), complainant, filed.caseId, new Date(T0.getTime() + 2 * DAY_MS), meta);

    // The mail goes out, so what was sent (subjects and bodies, naming the person) is stored.
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    await deliverDue(db());
    expect(smtp.received.some((m) => m.to.includes(EMAIL.toLowerCase()))).toBe(true);

    // The search finds every one of them before erasure, in the places they are expected.
    const before = await whereFound(db(), NEEDLES);
    for (const needle of [EMAIL.toLowerCase(), NAME, IP, USER_AGENT]) expect(before.some((hit) => hit.endsWith(`: ${needle}`))).toBe(true);
    for (const table of ["public.users", "public.cases", "public.case_search", "public.outbox", "public.verificationTokens", "public.rate_limits", "public.audit_log", "public.case_events", "public.messages"]) {
      expect(before.some((hit) => hit.startsWith(`${table}:`)), table).toBe(true);
    }

    expect(await applyRetention(db(), new Date(T0.getTime() + 2 * DAY_MS))).toEqual({ erased: 1 });

    expect(await whereFound(db(), NEEDLES)).toEqual([]);
    // Someone else's case, and everything about them, is still there.
    expect((await whereFound(db(), [BYSTANDER, "Bea Bystander", "192.0.2.9"])).length).toBeGreaterThan(0);
    expect(rowsOf(await db().execute(sql`SELECT 1 FROM cases WHERE id = ${bystander.caseId}`))).toHaveLength(1);
    // Both chains still verify: the audit rows lost their ip and user agent, not their hashes.
    expect((await verifyAuditLog(db())).problems).toEqual([]);
    expect((await verifyChains(db())).problems).toEqual([]);
  });
});
