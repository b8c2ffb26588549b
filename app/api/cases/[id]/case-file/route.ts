import { hasLocale } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { routing } from "@/i18n/routing";
import { currentActor } from "@/lib/auth/session";
import { caseFilePdf, type CaseFileVariant } from "@/lib/cases/case-file";
import { listEvidence } from "@/lib/cases/correspondence";
import { getCaseDetail } from "@/lib/cases/queries";
import { now } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The case file as the reader may see it, as a PDF in their language (?locale=de), for the record or to share (?variant=share). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const search = new URL(request.url).searchParams;
  const requested = search.get("locale");
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const variant: CaseFileVariant = search.get("variant") === "share" ? "share" : "record";
  try {
    const db = await getDb();
    const actor = await currentActor();
    const at = await now(db);
    const detail = await getCaseDetail(db, actor, id, at);
    const t = await getTranslations({ locale });
    const format = await getFormatter({ locale });
    const pdf = await caseFilePdf(detail, await listEvidence(db, actor, id), { t: (key, values) => t(key as never, values as never), date: (d) => format.dateTime(d, "instant", { timeZone: detail.organisation.timeZone }) }, at, variant, locale);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${detail.reference}-${variant}.pdf"`, "cache-control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ error: "not_found" }, { status: 404 });
    throw error;
  }
}
