import { getTranslations } from "next-intl/server";
import type { OrganisationProfile } from "@/lib/directory/queries";
import { Notice } from "@/components/ui/notice";

const HEADLINE = { removed: "removedNotice", lapsed_without_data: "lapsedNotice", no_certification: "notApplicable" } as const;

/** Why the ladder does not apply to an organisation (R1.2, R4.2), and where to go instead. */
export async function NotParticipantNotice({ profile }: { profile: OrganisationProfile }) {
  const t = await getTranslations("directory");
  return (
    <Notice tone="warn">
      <p className="font-medium">{t(HEADLINE[profile.notParticipantReason ?? "no_certification"], { organisation: profile.name })}</p>
      <p className="mt-2">{t("goDpa")}</p>
      {profile.claimsParticipation ? <p className="mt-2">{t("goFtc")}</p> : null}
    </Notice>
  );
}
