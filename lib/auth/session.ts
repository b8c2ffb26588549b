import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./config";
import { cookies } from "next/headers";
import { ANONYMOUS, loadActor, type Actor } from "./actor";
import { sessionCookieName } from "./sessions";

/** The acting user of this request, loaded once per request. */
export const currentActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (!session?.user?.id) return ANONYMOUS;
  // The session callback (lib/auth/config.ts) tells from the session row it read.
  const secondFactorPassed = (session as { secondFactorPassed?: boolean }).secondFactorPassed === true;
  return loadActor(await getDb(), session.user.id, { secondFactorPassed });
});

/** This browser's session token, for the second-factor step that marks it. */
export async function currentSessionToken(): Promise<string | null> {
  return (await cookies()).get(sessionCookieName())?.value ?? null;
}
