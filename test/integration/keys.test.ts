/** The schema's keys (docs/decisions/0001-schema-at-volume.md): rows about a case or a person cannot outlive them. */
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { clockNotices, outbox, users } from "@/db/schema";
import { KINDS } from "./support/databases";
import { seededDatabase } from "./support/helpers";

const NOW = new Date("2026-11-24T10:00:00Z");

describe.each(KINDS)("keys on %s", (kind) => {
  const db = seededDatabase(kind);

  // 23503: foreign_key_violation.
  const refusedByKey = { cause: expect.objectContaining({ code: "23503" }) };

  it("a notice or a sent reminder naming a case that does not exist is refused", async () => {
    const ghost = crypto.randomUUID();
    await expect(db().insert(outbox).values({ dedupeKey: `ghost-${kind}`, template: "notice:test", caseId: ghost })).rejects.toMatchObject(refusedByKey);
    await expect(db().insert(clockNotices).values({ caseId: ghost, clockId: "org", thresholdDays: 7, dueAt: NOW, noticedAt: NOW })).rejects.toMatchObject(refusedByKey);
  });

  it("a person's bell items go with the person", async () => {
    const [user] = await db().insert(users).values({ id: crypto.randomUUID(), email: `leaving-${kind}@example.eu`, name: "Leaving" }).returning();
    await db().insert(outbox).values({ dedupeKey: `bell-${kind}`, template: "notice:test", userId: user!.id });
    await db().delete(users).where(eq(users.id, user!.id));
    expect(await db().select().from(outbox).where(eq(outbox.dedupeKey, `bell-${kind}`))).toEqual([]);
  });
});
