import { getTranslations } from "next-intl/server";
import type { OrganisationProfile } from "@/lib/directory/queries";
import { Notice } from "@/components/ui/notice";

const HEADLINE = { removed: "removedNotice", lapsed_without_data: "lapsedNotice", no_certification: "notApplicable" } as const;

/** Where a person finds their own authority: the EDPB's list of members, the FDPIC, the ICO. */
const AUTHORITIES = [
  { key: "dpaLinkEu", href: "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en" },
  { key: "dpaLinkCh", href: "https://www.edoeb.admin.ch/en" },
  { key: "dpaLinkUk", href: "https://ico.org.uk/make-a-complaint/" },
] as const;

/** The links to every data protection authority, which can help with a complaint about any company. */
export async function AuthorityLinks() {
  const t = await getTranslations("directory");
  return (
    <p className="mt-1">
      {t("dpaLinksLabel")}{" "}
      {AUTHORITIES.map((a, i) => (
        <span key={a.key}>
          {i ? " · " : null}
          <a href={a.href} className="underline" rel="noopener noreferrer">
            {t(a.key)}
          </a>
        </span>
      ))}
    </p>
  );
}

/**
 * A search that found no company: another spelling, the official list of participants (whose
 * entry names the company's recourse mechanism), and the authorities that help with any company.
 */
export async function NoCompanyFound({ query }: { query: string }) {
  const t = await getTranslations("directory");
  return (
    <Notice tone="info">
      <p className="font-medium">{t("noneFound.title", { query })}</p>
      <p className="mt-2">{t("noneFound.spelling")}</p>
      <p className="mt-2">
        {t("noneFound.list")}{" "}
        <a href="https://www.dataprivacyframework.gov/list" className="underline" rel="noopener noreferrer">
          {t("noneFound.listLink")}
        </a>
      </p>
      <p className="mt-2">{t("goDpa")}</p>
      <AuthorityLinks />
    </Notice>
  );
}

/** Why the ladder does not apply to an organisation (R1.2, R4.2), and where to go instead. */
export async function NotParticipantNotice({ profile }: { profile: OrganisationProfile }) {
  const t = await getTranslations("directory");
  return (
    <Notice tone="warn">
      <p className="font-medium">{t(HEADLINE[profile.notParticipantReason ?? "no_certification"], { organisation: profile.name })}</p>
      <p className="mt-2">{t("goDpa")}</p>
      <AuthorityLinks />
      {profile.claimsParticipation ? (
        <p className="mt-2">
          {t("goFtc")}{" "}
          <a href="https://reportfraud.ftc.gov/" className="underline" rel="noopener noreferrer">
            {t("ftcLink")}
          </a>
        </p>
      ) : null}
    </Notice>
  );
}
