import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Actor } from "@/lib/auth/actor";
import { homeOf, managedPrincipals } from "@/lib/auth/policy";
import { signOutAction } from "@/lib/actions/auth-actions";
import { ActionForm } from "@/components/forms/action-form";
import { demoMode } from "@/lib/demo";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "./language-switcher";

/** The header; `unread` is the bell's count, read by the layout through the data layer. */
export async function SiteHeader({ actor, locale, unread = 0 }: { actor: Actor; locale: string; unread?: number }) {
  const t = await getTranslations("nav");
  const tc = await getTranslations("common");
  const ts = await getTranslations("settings");
  const tr = await getTranslations("register");
  const trep = await getTranslations("report");
  const tn = await getTranslations("notify");
  const home = homeOf(actor);
  const links: { href: string; label: string }[] = [{ href: "/directory", label: t("directory") }];
  if (home === "complainant") links.push({ href: "/cases", label: t("myCases") }, { href: "/my-data", label: t("myData") });
  if (home === "organisation") links.push({ href: "/org", label: t("queue") }, { href: "/org/settings", label: ts("nav") });
  if (home === "provider") links.push({ href: "/workspace", label: t("workspace") });
  if (home === "provider" && actor.kind === "user" && actor.memberships.some((m) => m.providerKind === "adr" || m.providerKind === "dpa_panel")) links.push({ href: "/workspace/report", label: trep("nav") });
  if (home === "admin") links.push({ href: "/admin", label: t("admin") }, { href: "/admin/ftc", label: tr("nav") });
  if (home === "admin" || managedPrincipals(actor).length) links.push({ href: "/integrations", label: t("integrations") });
  if (demoMode()) links.push({ href: "/dev/mailbox", label: t("mailbox") });
  const navigation = (
    <nav aria-label="Main" className="flex flex-col gap-3 text-sm md:flex-row md:flex-wrap md:items-center md:gap-4">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className="text-slate-800">
          {l.label}
        </Link>
      ))}
    </nav>
  );
  // Rendered twice (the wide bar and the phone menu); only the wide bar names the account.
  const account = (named: boolean) =>
    actor.kind === "user" ? (
      <ActionForm action={signOutAction} idPrefix={named ? "sign-out" : "menu-sign-out"} className="flex items-center gap-2">
        <Link href="/account" className="text-xs text-slate-700">
          {named ? <span className="hidden lg:inline">{tc("signedInAs", { email: actor.email })}</span> : null}
          <span className={named ? "lg:hidden" : undefined}>{t("account")}</span>
        </Link>
        <Button variant="secondary" type="submit">
          {tc("signOut")}
        </Button>
      </ActionForm>
    ) : (
      <Link href="/sign-in" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-800">
        {tc("signIn")}
      </Link>
    );
  const bell =
    actor.kind === "user" ? (
      <Link href="/notifications" aria-label={tn("bell", { count: unread })} className="relative inline-flex size-10 items-center justify-center rounded-md text-slate-800 hover:bg-slate-100" data-testid="bell">
        <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread ? (
          <span aria-hidden="true" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Link>
    ) : null;
  return (
    <header className="border-b border-slate-200 bg-white">
      {demoMode() ? <p className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-950">{tc("demoBanner")}</p> : null}
      <div className="relative mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link href={home ? "/home" : "/"} className="flex items-center gap-2 text-lg font-bold text-slate-900 no-underline">
          <svg aria-hidden="true" width="28" height="28" viewBox="0 0 28 28">
            <rect width="28" height="28" rx="6" fill="#0b5757" />
            <path d="M8 21V7M20 21V7M8 11h12M8 15h12M8 19h12" stroke="#fff" strokeWidth="2" strokeLinecap="round" />
          </svg>
          {tc("brand")}
        </Link>
        {/* Wide screens: one row. */}
        <div className="hidden md:block">{navigation}</div>
        <div className="flex items-center gap-3">
          <div className="hidden md:block">
            <LanguageSwitcher />
          </div>
          {bell}
          <div className="hidden md:block">{account(true)}</div>
          {/* Phones: the header stays one row; the rest opens under "Menu" (a disclosure, no script needed). */}
          <details className="md:hidden">
            <summary className="inline-flex min-h-10 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-slate-900 ring-1 ring-slate-300">{tc("menu")}</summary>
            <div className="absolute inset-x-0 top-full z-20 space-y-4 border-b border-slate-200 bg-white px-4 py-4 shadow-md">
              {navigation}
              <LanguageSwitcher />
              {account(false)}
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}
