/** Sign-in and filing are limited per address per minute (issue 8). */
import { afterEach, describe, expect, it } from "vitest";
import { rateLimited } from "./rate-limit";

describe("rate limit", () => {
  const saved = process.env.RECOURSE_RATE_LIMIT;
  afterEach(() => {
    process.env.RECOURSE_RATE_LIMIT = saved;
  });

  it("allows the limit within a minute, refuses the next, and opens again a minute later", () => {
    delete process.env.RECOURSE_RATE_LIMIT;
    const t0 = 1_000_000;
    const results = Array.from({ length: 21 }, (_, i) => rateLimited("filing:203.0.113.7", 20, t0 + i));
    expect(results.slice(0, 20).every((limited) => !limited)).toBe(true);
    expect(results[20]).toBe(true);
    expect(rateLimited("filing:203.0.113.7", 20, t0 + 60_000)).toBe(false);
  });

  it("counts each key apart", () => {
    delete process.env.RECOURSE_RATE_LIMIT;
    for (let i = 0; i < 5; i++) rateLimited("sign-in:198.51.100.1", 5, 2_000_000);
    expect(rateLimited("sign-in:198.51.100.1", 5, 2_000_001)).toBe(true);
    expect(rateLimited("sign-in:198.51.100.2", 5, 2_000_001)).toBe(false);
  });

  it("can be switched off for the test suites only by its setting", () => {
    process.env.RECOURSE_RATE_LIMIT = "off";
    for (let i = 0; i < 50; i++) expect(rateLimited("filing:x", 1, 3_000_000)).toBe(false);
  });
});
