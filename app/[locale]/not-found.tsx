import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";

export default function NotFound() {
  const t = useTranslations("common");
  return <PageHeader title={t("notFoundTitle")} lead={t("notFoundText")} />;
}
