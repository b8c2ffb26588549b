/**
 * Locale negotiation only. Authorization is not done here: every data function checks the
 * acting user itself (see lib/auth/policy.ts).
 */
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
