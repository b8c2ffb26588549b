/**
 * The OpenAPI document is linted with Redocly's recommended rules, and its operations are the
 * route handlers under app/api/v1 — neither may drift from the other.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { openApiDocument } from "./openapi";

const ROOT = path.resolve(__dirname, "../..");
const V1 = path.join(ROOT, "app/api/v1");
/** Routes under /api/v1 that are not operations of the API itself. */
const NOT_OPERATIONS = new Set(["GET /openapi.json", ...["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => `${m} /{...rest}`)]);

/** `METHOD /path` for every exported handler of every route file, in OpenAPI's {param} form. */
function routeOperations(dir = V1): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeOperations(full);
    if (name !== "route.ts") return [];
    const route = path.relative(V1, dir).split(path.sep).filter(Boolean).map((s) => s.replace(/^\[(.+)\]$/, "{$1}"));
    const methods = [...readFileSync(full, "utf8").matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
    return methods.map((m) => `${m} /${route.join("/")}`);
  });
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument("https://recourse.example.org");

  it("describes every webhook a subscription can receive, signed", () => {
    expect(Object.keys(doc.webhooks ?? {}).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    expect(doc.webhooks?.["case.message"]?.post?.security).toEqual([{ webhookSignature: [] }]);
  });

  it("is OpenAPI 3.1 and passes Redocly's recommended lint without errors or warnings", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const config = await createConfig({ extends: ["recommended"], rules: { "info-license": "off", "info-license-url": "off" } });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "openapi.json", config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it("describes exactly the route handlers under app/api/v1", () => {
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => (["get", "post", "put", "patch", "delete"] as const).filter((m) => item?.[m]).map((m) => `${m.toUpperCase()} ${p}`));
    const routed = routeOperations().filter((op) => !NOT_OPERATIONS.has(op));
    expect(routed.length).toBeGreaterThan(0);
    expect(documented.sort()).toEqual(routed.sort());
  });

  it("gives every operation an id, a bearer requirement and problem responses", () => {
    for (const item of Object.values(doc.paths ?? {})) {
      for (const op of [item?.get, item?.post].filter(Boolean)) {
        expect(op!.operationId).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op!.security).toEqual([{ token: [] }]);
        expect(op!.responses?.["401"]).toBeDefined();
      }
    }
  });
});
