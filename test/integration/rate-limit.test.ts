/** The rate limiter counts in the database, so every app instance shares one count (issue 21). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimited } from "@/lib/rate-limit";
import { createTestDatabase, KINDS, type TestDatabase } from "./support/databases";

describe.each(KINDS)("rate limits on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    delete process.env.RECOURSE_RATE_LIMIT;
  });
  afterAll(async () => database?.close());

  it("allows the limit within a minute, refuses the next, and opens again the next minute", async () => {
    const t0 = new Date("2026-12-03T10:00:05Z");
    const limit = [{ key: "sign-in:to:anna@example.de", perMinute: 5 }];
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await rateLimited(database.db, limit, new Date(t0.getTime() + i * 1000)));
    expect(results).toEqual([false, false, false, false, false, true]);
    expect(await rateLimited(database.db, limit, new Date("2026-12-03T10:01:00Z"))).toBe(false);
  });

  it("refuses when any of a request's limits is over, and counts each key apart", async () => {
    const at = new Date("2026-12-03T11:00:00Z");
    const target = { key: "filing:to:x@example.eu", perMinute: 1 };
    const client = { key: "filing:from:203.0.113.9", perMinute: 100 };
    expect(await rateLimited(database.db, [target, client], at)).toBe(false);
    expect(await rateLimited(database.db, [target, client], at)).toBe(true);
    expect(await rateLimited(database.db, [{ key: "filing:to:y@example.eu", perMinute: 1 }, client], at)).toBe(false);
  });

  it("is off only when the setting says so", async () => {
    process.env.RECOURSE_RATE_LIMIT = "off";
    const at = new Date("2026-12-03T12:00:00Z");
    for (let i = 0; i < 5; i++) expect(await rateLimited(database.db, [{ key: "k", perMinute: 1 }], at)).toBe(false);
    delete process.env.RECOURSE_RATE_LIMIT;
  });
});
