import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "./audit-log";

describe("the audit log's filter from the address bar", () => {
  it("drops a day that is not a real calendar day instead of failing the page", () => {
    expect(auditFilterSchema.parse({ from: "garbage", to: "2026-13-45" })).toMatchObject({ from: undefined, to: undefined });
    expect(auditFilterSchema.parse({ from: "2026-02-29", to: "2028-02-29" })).toMatchObject({ from: undefined, to: "2028-02-29" });
    expect(auditFilterSchema.parse({ action: "DROP TABLE", before: "-3" })).toMatchObject({ action: undefined, before: undefined });
  });
});
