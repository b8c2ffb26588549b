/** The ladder is a pure core: no framework, no database, no clock of its own (issue: ladder core). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = path.join(__dirname, "..");
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => [f, readFileSync(path.join(dir, f), "utf8")] as const);

describe("lib/ladder purity", () => {
  it("has source files to check", () => expect(sources.length).toBeGreaterThan(10));
  it.each(sources)("%s imports only the ladder itself and date-fns", (_file, text) => {
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
    expect(imports.filter((i) => !i.startsWith("./") && !["date-fns", "@date-fns/tz"].includes(i))).toEqual([]);
  });
  it.each(sources)("%s never reads the clock", (_file, text) => {
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now\(/);
  });
});
