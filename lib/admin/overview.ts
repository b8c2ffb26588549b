/** What the administrator's home counts: the directory, the bodies, the people, the open cases, the FTC register, the audit log. */
import { count, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, cases, ftcReferrals, organisations, providers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";

export async function platformCounts(db: Db, actor: Actor) {
  if (actor.kind !== "user" || !actor.isAdmin) throw new NotFoundError();
  const [[orgs], [provs], [people], [open], [refs], [disabled], [audit]] = await Promise.all([
    db.select({ n: count() }).from(organisations),
    db.select({ n: count() }).from(providers),
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(cases).where(eq(cases.status, "open")),
    db.select({ n: count() }).from(ftcReferrals),
    db.select({ n: count() }).from(users).where(isNotNull(users.disabledAt)),
    db.select({ n: count() }).from(auditLog),
  ]);
  return { organisations: orgs!.n, providers: provs!.n, users: people!.n, openCases: open!.n, referrals: refs!.n, disabledUsers: disabled!.n, auditEntries: audit!.n };
}
