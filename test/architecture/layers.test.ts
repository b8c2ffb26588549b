/**
 * The layers ARCHITECTURE.md describes, checked on every import: the ladder imports only
 * itself; pages and components never reach the database (they ask lib/); lib never imports
 * a component. A new file that breaks a rule fails here with its name.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return name === "node_modules" ? [] : files(relative);
    return /\.(ts|tsx)$/.test(name) ? [relative] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/(?:^|\n)\s*(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);

const offenders = (dir: string, forbidden: (spec: string, file: string) => boolean, only: (file: string) => boolean = () => true) =>
  files(dir)
    .filter(only)
    .flatMap((file) => importsOf(file).filter((spec) => forbidden(spec, file)).map((spec) => `${file} → ${spec}`));

describe("layers", () => {
  it("lib/ladder imports nothing outside itself (its tests may read the seeds)", () => {
    const outside = (spec: string, file: string) => !spec.startsWith(".") || !path.resolve(path.dirname(path.join(ROOT, file)), spec).startsWith(path.join(ROOT, "lib/ladder"));
    const allowedPackages = new Set(["date-fns", "@date-fns/tz", "vitest", "fast-check"]);
    const source = (file: string) => !file.includes("/test/") && !file.endsWith(".test.ts");
    expect(offenders("lib/ladder", (spec, file) => outside(spec, file) && !allowedPackages.has(spec), source)).toEqual([]);
  });

  it("pages, layouts and components never import the database layer", () => {
    const isPage = (file: string) => file.startsWith("components/") || /(^|\/)(page|layout|not-found|error)\.tsx$/.test(file);
    const db = (spec: string) => spec === "@/db" || spec.startsWith("@/db/");
    expect([...offenders("app", db, isPage), ...offenders("components", db)]).toEqual([]);
  });

  it("every page sits in its audience's route group, or in dev/ (demo mode only)", () => {
    const groups = ["(public)", "(complainant)", "(organisation)", "(bodies)", "(admin)", "(signed-in)", "dev"];
    const pages = files("app/[locale]").filter((f) => f.endsWith("/page.tsx"));
    const loose = pages.filter((f) => !groups.includes(f.split("/")[2]!) && !f.startsWith("app/[locale]/[...rest]/"));
    expect(pages.length).toBeGreaterThan(20);
    expect(loose).toEqual([]);
  });

  it("lib never imports a component", () => {
    expect(offenders("lib", (spec) => spec.startsWith("@/components/"))).toEqual([]);
  });
});
