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

/** A sentence and the outside page it points to. */
function SentenceWithLink({ text, href, label }: { text: string; href: string; label: string }) {
  return (
    <p className="mt-2">
      {text}{" "}
      <a href={href} className="underline" rel="noopener noreferrer">
        {label}
      </a>
    </p>
  );
}

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
      <SentenceWithLink text={t("noneFound.list")} href="https://www.dataprivacyframework.gov/list" label={t("noneFound.listLink")} />
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
        <SentenceWithLink text={t("goFtc")} href="https://reportfraud.ftc.gov/" label={t("ftcLink")} />
      ) : null}
    </Notice>
  );
}
