import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { demoMode } from "@/lib/demo";
import { PageHeader } from "@/components/ui/page-header";

export default async function CheckEmailPage() {
  const t = await getTranslations("signIn");
  return (
    <div>
      <PageHeader title={t("checkTitle")} lead={t("checkText")} />
      {demoMode() ? <Link href="/dev/mailbox">{t("openMailbox")}</Link> : null}
    </div>
  );
}
