import { redirect } from "@/i18n/navigation";
import { currentActor } from "@/lib/auth/session";
import { homeOf } from "@/lib/auth/policy";

const HOME_PATHS = { admin: "/admin", organisation: "/org", provider: "/workspace", complainant: "/cases" } as const;

/** Where each role lands after signing in. */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const home = homeOf(await currentActor());
  redirect({ href: home ? HOME_PATHS[home] : "/sign-in", locale });
}
