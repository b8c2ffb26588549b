import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./config";
import { cookies } from "next/headers";
import { ANONYMOUS, loadActor, type Actor } from "./actor";
import { sessionPassedSecondFactor } from "./second-factor";
import { sessionCookieName } from "./sessions";

/** The acting user of this request, loaded once per request. */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (!session?.user?.id) return ANONYMOUS;
  const db = await getDb();
  const token = (await cookies()).get(sessionCookieName())?.value;
  return loadActor(db, session.user.id, { secondFactorPassed: token ? await sessionPassedSecondFactor(db, token) : false });
});

/** This browser's session token, for the second-factor step that marks it. */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value ?? null;
}
