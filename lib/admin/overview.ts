/** What the administrator's home counts: the directory, the people, the open cases, the FTC register. */
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, ftcReferrals, organisations, providers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

export async function platformCounts(db: Db, actor: Actor) {
  if (actor.kind !== "user" || !actor.isAdmin) throw new NotFoundError();
  const [[orgs], [provs], [people], [open], [refs]] = await Promise.all([
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(providers),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(cases).where(eq(cases.status, "open")),
    db.select({ n: count() }).from(ftcReferrals),
  ]);
  return { organisations: orgs!.n, providers: provs!.n, users: people!.n, openCases: open!.n, referrals: refs!.n };
}
