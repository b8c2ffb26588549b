import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";

/** Previous / "Page n of m" / next, for a list paged in its link (`href(page)`). */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = await getTranslations("queue");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between text-sm">
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : <span />}
      <span>{t("page", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : <span />}
    </nav>
  );
}
