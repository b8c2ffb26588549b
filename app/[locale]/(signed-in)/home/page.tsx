import { redirect } from "@/i18n/navigation";
import { currentActor } from "@/lib/auth/session";
import { homeOf } from "@/lib/auth/policy";

const HOME_PATHS = { admin: "/admin", organisation: "/org", provider: "/workspace", complainant: "/cases" } as const;

/** Where each role lands after signing in. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await currentActor();
  if (actor.kind === "user" && actor.secondFactor) redirect({ href: "/sign-in/second-factor", locale });
  const home = homeOf(actor);
  redirect({ href: home ? HOME_PATHS[home] : "/sign-in", locale });
}
