import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { redirect } from "@/i18n/navigation";

/** What a signed-in page needs: the database, the actor, and the server's now. Anonymous → sign-in, and back here after. */
export async function signedInContext(locale: string) {
  const actor = await currentActor();
  if (actor.kind !== "user") {
    const asked = (await headers()).get("x-recourse-path");
    redirect({ href: asked ? { pathname: "/sign-in", query: { next: asked } } : "/sign-in", locale });
  }
  if (actor.kind === "user" && actor.secondFactor) redirect({ href: "/sign-in/second-factor", locale });
  const db = await getDb();
  return { db, actor: actor as Extract<typeof actor, { kind: "user" }>, now: await now(db) };
}

/** What a public page needs: the database and the server's now; no actor. */
export async function publicContext() {
  const db = await getDb();
  return { db, now: await now(db) };
}

/** A public page that also says who is looking (anonymous or signed in). */
export async function viewerContext() {
  const actor = await currentActor();
  return { ...(await publicContext()), actor };
}
