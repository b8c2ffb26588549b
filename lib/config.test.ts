import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, runMode } from "./config";

const production = { RECOURSE_URL: "https://recourse.example.org", AUTH_SECRET: "a-long-random-secret" };
const quickStart = { quickStart: true };

function problems(env: Record<string, string>, launch = {}): string[] {
  try {
    parseConfig(env, launch);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("the environment", () => {
  it("production is the default of a server: it refuses to start without RECOURSE_URL and AUTH_SECRET, naming both", () => {
    const found = problems({});
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^RECOURSE_URL is not set/);
    expect(found[1]).toMatch(/^AUTH_SECRET is not set/);
    expect(problems({ AUTH_SECRET: "s" })).toEqual([expect.stringMatching(/^RECOURSE_URL is not set/)]);
    expect(() => parseConfig({})).toThrow(/^Recourse cannot start in production mode \(production mode is the default\):\n {2}- RECOURSE_URL/);
  });

  it("AUTH_URL alone does not stand in for RECOURSE_URL", () => {
    expect(problems({ AUTH_URL: "https://recourse.example.org", AUTH_SECRET: "s" })).toEqual([expect.stringMatching(/^RECOURSE_URL is not set/)]);
  });

  it("in production every link is built from RECOURSE_URL, and AUTH_URL may only agree with it", () => {
    expect(parseConfig(production)).toEqual({ demo: false, test: false, publicUrl: "https://recourse.example.org", authSecret: "a-long-random-secret" });
    expect(parseConfig({ ...production, RECOURSE_URL: "https://recourse.example.org/" }).publicUrl).toBe("https://recourse.example.org");
    expect(parseConfig({ ...production, AUTH_URL: "https://recourse.example.org/api/auth" }).publicUrl).toBe("https://recourse.example.org");
    expect(problems({ ...production, AUTH_URL: "https://attacker.example" })).toEqual([expect.stringMatching(/^AUTH_URL .* names another site/)]);
  });

  it("RECOURSE_URL must be an http(s) origin", () => {
    expect(problems({ ...production, RECOURSE_URL: "recourse.example.org" })).toEqual([expect.stringMatching(/^RECOURSE_URL must be an http\(s\) URL/)]);
    expect(problems({ ...production, RECOURSE_URL: "javascript:alert(1)" })).toHaveLength(1);
    expect(problems({ ...production, RECOURSE_URL: "https://example.org/recourse" })).toEqual([expect.stringMatching(/without a path/)]);
  });

  it("the quick start (npm start on the embedded database) is demo mode, with localhost links and no settings", () => {
    expect(parseConfig({}, quickStart)).toEqual({ demo: true, test: false, publicUrl: "http://localhost:3000", authSecret: undefined });
    expect(parseConfig({ PORT: "3100" }, quickStart).publicUrl).toBe("http://localhost:3100");
  });

  it("demo mode does not start by itself with DATABASE_URL: production mode then says what is missing, and why", () => {
    expect(runMode({ DATABASE_URL: "postgres://db/recourse" }, quickStart).demo).toBe(false);
    const found = problems({ DATABASE_URL: "postgres://db/recourse" }, quickStart);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^RECOURSE_URL is not set/);
    expect(() => parseConfig({ DATABASE_URL: "postgres://db/recourse" }, quickStart)).toThrow(/production mode \(DATABASE_URL is set, and demo mode starts by itself only on the embedded database; set RECOURSE_DEMO=1 to ask for it anyway\)/);
    expect(parseConfig({ DATABASE_URL: "postgres://db/recourse", ...production }, quickStart).demo).toBe(false);
  });

  it("demo mode does not start by itself with NODE_ENV=production either", () => {
    expect(() => parseConfig({ NODE_ENV: "production" }, quickStart)).toThrow(/production mode \(NODE_ENV=production.*RECOURSE_DEMO=1\)/);
  });

  it("demo mode runs anywhere it is asked for with RECOURSE_DEMO=1", () => {
    expect(parseConfig({ RECOURSE_DEMO: "1", DATABASE_URL: "postgres://db/recourse", NODE_ENV: "production" }).demo).toBe(true);
    expect(parseConfig({ RECOURSE_DEMO: "1", DATABASE_URL: "postgres://db/recourse" }, quickStart).demo).toBe(true);
  });

  it("RECOURSE_DEMO=0 turns the quick start's demo mode off", () => {
    expect(problems({ RECOURSE_DEMO: "0" }, quickStart)).toHaveLength(2);
    expect(parseConfig({ RECOURSE_DEMO: "0", ...production }, quickStart).demo).toBe(false);
  });

  it("a server never chooses demo mode by itself, and an unknown RECOURSE_DEMO is an error, not a guess", () => {
    expect(runMode({}).demo).toBe(false);
    expect(runMode({ RECOURSE_DEMO: "true" }).demo).toBe(false);
    expect(problems({ ...production, RECOURSE_DEMO: "yes" })).toEqual([expect.stringMatching(/^RECOURSE_DEMO must be 1/)]);
  });

  it("empty settings count as unset", () => {
    expect(problems({ RECOURSE_URL: "", AUTH_SECRET: "" })).toHaveLength(2);
  });
});
