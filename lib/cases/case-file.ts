/**
 * The case file as a PDF: everything a complainant, an IRM or a panel needs — the complaint,
 * the deadlines, the timeline, the messages this reader may see, and the documents with their
 * SHA-256 hashes. Set in DejaVu Sans so every European name prints.
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import type { DocumentEntry } from "./attachments";
import { messageKey } from "@/lib/i18n/message-key";
import type { CaseDetail } from "./queries";
import { calendarDay } from "@/lib/ladder";

const FONTS = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

/** The words of the file in the reader's language (next-intl translators, passed in). */
export interface CaseFileWords {
  t: (key: string, values?: Record<string, string | number | Date>) => string;
  date: (d: Date) => string;
}

export function caseFilePdf(detail: CaseDetail, documents: DocumentEntry[], words: CaseFileWords, generatedAt: Date): Promise<Buffer> {
  const { t, date } = words;
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: `${detail.reference}`, Creator: "Recourse" } });
  doc.registerFont("regular", path.join(FONTS, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONTS, "DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => doc.moveDown(0.8).font("bold").fontSize(13).text(text).moveDown(0.3).font("regular").fontSize(10);
  const line = (label: string, value: string | null | undefined) => {
    if (value) doc.font("bold").text(`${label}: `, { continued: true }).font("regular").text(value);
  };

  doc.font("bold").fontSize(18).text(t("case.title", { reference: detail.reference }));
  doc.font("regular").fontSize(10).text(`${t("case.against", { organisation: detail.organisation.name })} · ${t(`ladder.framework.${detail.framework}`)}`);
  doc.text(`${t("cases.filed")}: ${date(detail.createdAt)} · ${t("cases.rung")}: ${t(`ladder.rung.${detail.view.state.rung}`)}`);

  heading(t("case.complaint"));
  line(t("filing.name"), detail.complainant ? `${detail.complainant.name} (${detail.complainant.country})` : null);
  line(t("filing.hrData"), t(detail.hrData ? "filing.hrYes" : "filing.hrNo"));
  line(t("filing.companyIdentifier"), detail.particulars.companyIdentifier);
  line(t("filing.principles"), detail.principles.map((p) => t(`filing.principle.${p}.label`)).join(" · "));
  line(t("filing.relief"), detail.reliefSought.map((r) => t(`details.remedy.${r}`)).join(" · "));
  doc.moveDown(0.3).text(detail.description);

  heading(t("case.clocks"));
  for (const c of detail.view.clocks) {
    doc.text(`${t(`ladder.clock.${messageKey(c.kind)}`)} — ${c.completedAt ? t("case.completed", { date: calendarDay(c.completedAt, c.zone) }) : t("case.due", { date: calendarDay(c.dueAt, c.zone) })} — ${t(`ladder.clockState.${c.state}`)} (${c.rule})`);
  }

  heading(t("case.timeline"));
  for (const e of detail.timeline) {
    doc.text(`${date(e.at)} · ${t(`party.${e.party}`)} · ${t(`events.${messageKey(e.type)}`)}`);
    if (e.detail?.kind === "eligibility" && e.detail.reason) doc.text(`    ${e.detail.reason}`);
  }

  heading(t("case.messages"));
  if (!detail.messages.length) doc.text(t("case.noMessages"));
  for (const m of detail.messages) {
    doc.font("bold").text(`${date(m.createdAt)} · ${t(`party.${m.authorParty}`)}`).font("regular").text(m.body).moveDown(0.3);
  }

  heading(t("caseExtra.documents"));
  if (!documents.length) doc.text(t("caseExtra.noDocuments"));
  for (const d of documents) {
    doc.text(`${d.filename} (${d.mimeType}, ${d.size} B, ${date(d.createdAt)})`);
    doc.fontSize(8).text(`SHA-256 ${d.sha256}`).fontSize(10);
  }

  doc.moveDown(1).fontSize(8).fillColor("#555").text(`Recourse · ${generatedAt.toISOString()}`);
  doc.end();
  return done;
}
