import { afterAll, beforeAll } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDirectory, seedUsers } from "@/db/seed/seed";
import { users } from "@/db/schema";
import { loadActor } from "@/lib/auth/actor";
import { createTestDatabase, type Kind, type TestDatabase } from "./databases";

export async function actorByEmail(db: Db, email: string) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return loadActor(db, user.id);
}

export const filing = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: crypto.randomUUID(),
  organisationSlug: "mparticle",
  hrData: false,
  name: "Test Complainant",
  email: "complainant@example.eu",
  country: "DE",
  preferredLanguage: "en",
  dataSubject: "self",
  principles: ["access"],
  reliefSought: ["access"],
  description: "The company has not answered my request for access to my data.",
  consent: true,
  ...over,
});

/** A fresh database of `kind` for the suite, with the seed's directory and users, closed after it; `db()` reads it once ready. */
export function seededDatabase(kind: Kind): () => Db {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seedDirectory(database.db);
    await seedUsers(database.db);
  });
  afterAll(async () => database?.close());
  return () => database!.db;
}
