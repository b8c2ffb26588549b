/**
 * Locale negotiation, and a fresh Content-Security-Policy nonce for every page: Next.js
 * puts the nonce on its own inline scripts (it reads the policy from the request), so no
 * script runs that the server did not write. Authorization is not done here: every data
 * function checks the acting user itself (see lib/auth/policy.ts).
 */
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { contentSecurityPolicy } from "./lib/security/csp.mjs";

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
  // next-intl forwards the request's headers to the page, where Next.js reads the nonce.
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", policy);
  // The page asked for, so a sign-in it leads to can come back to it.
  request.headers.set("x-recourse-path", `${request.nextUrl.pathname}${request.nextUrl.search}`.slice(0, 1000));
  const response = intl(request);
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
