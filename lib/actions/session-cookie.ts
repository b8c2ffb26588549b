import "server-only";
import { cookies } from "next/headers";
import type { Db } from "@/db/client";
import { secureCookies, sessionCookieName, startSession } from "@/lib/auth/sessions";

/** Starts a database session for a user proved some other way and hands this browser its cookie. */
export async function startSessionCookie(db: Db, userId: string) {
  const session = await startSession(db, userId);
  (await cookies()).set(sessionCookieName(), session.sessionToken, { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), expires: session.expires });
}
