/**
 * Auth.js, except its email callback: a GET there would sign in whoever opens the link (a
 * mail scanner, or a page that wants to sign its visitor into the attacker's account), so a
 * GET goes to the confirmation page, and only a POST from this site's own pages signs in.
 */
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { EMAIL_CALLBACK_PATH, signInLinkState } from "@/lib/auth/magic-link";
import { publicUrl } from "@/lib/config";
import { getDb } from "@/db/client";
import { clientAddress, limitsFor, rateLimited } from "@/lib/rate-limit";

function confirmationPage(request: NextRequest): Response {
  const { searchParams } = request.nextUrl;
  const params = new URLSearchParams({ email: searchParams.get("email") ?? "", token: searchParams.get("token") ?? "", callbackUrl: searchParams.get("callbackUrl") ?? "/" });
  return Response.redirect(`${publicUrl()}/sign-in/confirm?${params}`, 303);
}

export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) return confirmationPage(request);
  return handlers.GET(request);
}

export async function POST(request: NextRequest) {
  // Auth.js's own way to ask for a link is limited like the sign-in page: per address, per client.
  if (request.nextUrl.pathname.endsWith("/signin/email")) {
    const email = String((await request.clone().formData().catch(() => null))?.get("email") ?? "");
    if (await rateLimited(await getDb(), limitsFor("sign-in", email || null, clientAddress(request.headers), 5, 20))) return Response.json({ error: "rate_limited" }, { status: 429, headers: { "retry-after": "60" } });
  }
  if (request.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    if (request.headers.get("origin") !== new URL(publicUrl()).origin) return Response.json({ error: "forbidden" }, { status: 403 });
    const { searchParams } = request.nextUrl;
    if ((await signInLinkState(searchParams.get("email") ?? "", searchParams.get("token") ?? "")) !== "valid") return confirmationPage(request);
  }
  return handlers.POST(request);
}
