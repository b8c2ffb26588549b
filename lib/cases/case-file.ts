/**
 * The case file as a PDF: everything a complainant, an IRM or a panel needs — the complaint,
 * the deadlines, the timeline, the messages, and the documents with their SHA-256 hashes. Two
 * variants: for the record (every message this reader may see, each one not shared with the
 * complainant marked with its audience) and for sharing (the thread everyone on the case reads,
 * and its documents, only). Tagged (headings, paragraphs, the language) for screen readers;
 * set in DejaVu Sans so every European name prints.
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

export type CaseFileVariant = "record" | "share";

/** What a variant holds: for sharing, the thread everyone on the case reads and its documents; for the record, all the reader may see. */
export function caseFileContents(detail: Pick<CaseDetail, "messages">, documents: DocumentEntry[], variant: CaseFileVariant) {
  if (variant === "record") return { messages: detail.messages, documents };
  const messages = detail.messages.filter((m) => m.visibility === "complainant");
  const shared = new Set(messages.map((m) => m.id));
  return { messages, documents: documents.filter((d) => !d.messageId || shared.has(d.messageId)) };
}

export function caseFilePdf(detail: CaseDetail, allDocuments: DocumentEntry[], words: CaseFileWords, generatedAt: Date, variant: CaseFileVariant = "record", lang = "en"): Promise<Buffer> {
  const { t, date } = words;
  const { messages, documents } = caseFileContents(detail, allDocuments, variant);
  const title = t("case.title", { reference: detail.reference });
  const doc = new PDFDocument({ size: "A4", margin: 50, pdfVersion: "1.7", tagged: true, lang, displayTitle: true, info: { Title: title, Subject: t(`caseFile.${variant}`), Creator: "Recourse" } });
  doc.registerFont("regular", path.join(FONTS, "DejaVuSans.ttf"));
  doc.registerFont("bold", path.join(FONTS, "DejaVuSans-Bold.ttf"));
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  // Every piece of text is a tagged structure element, so a screen reader reads headings as headings.
  const root = doc.struct("Document");
  doc.addStructure(root);
  const tagged = (type: "H1" | "H2" | "P", draw: () => void) => root.add(doc.struct(type, {}, [draw]));
  const heading = (text: string) => {
    doc.moveDown(0.8);
    tagged("H2", () => doc.font("bold").fontSize(13).text(text));
    doc.moveDown(0.3).font("regular").fontSize(10);
  };
  const para = (text: string, options?: PDFKit.Mixins.TextOptions) => tagged("P", () => doc.text(text, options));
  const line = (label: string, value: string | null | undefined) => {
    if (value) tagged("P", () => doc.font("bold").text(`${label}: `, { continued: true }).font("regular").text(value));
  };

  tagged("H1", () => doc.font("bold").fontSize(18).text(title));
  doc.font("regular").fontSize(10);
  para(t(`caseFile.${variant}`));
  const framework = t(`ladder.framework.${detail.framework}`);
  para(`${t("case.against", { organisation: detail.organisation.name })} · ${detail.certifiedUnder ? t("case.certifiedUnder", { framework, certified: t(`ladder.framework.${detail.certifiedUnder}`) }) : framework}`);
  para(`${t("cases.filed")}: ${date(detail.createdAt)} · ${t("cases.rung")}: ${t(`ladder.rung.${detail.view.state.rung}`)}`);

  heading(t("case.complaint"));
  line(t("filing.name"), detail.complainant ? `${detail.complainant.name} (${detail.complainant.country})` : null);
  line(t("filing.hrData"), t(detail.hrData ? "filing.hrYes" : "filing.hrNo"));
  line(t("filing.companyIdentifier"), detail.particulars.companyIdentifier);
  line(t("filing.principles"), detail.principles.map((p) => t(`filing.principle.${p}.label`)).join(" · "));
  line(t("filing.relief"), detail.reliefSought.map((r) => t(`details.remedy.${r}`)).join(" · "));
  doc.moveDown(0.3);
  para(detail.description);

  heading(t("case.clocks"));
  for (const c of detail.view.clocks) {
    para(`${t(`ladder.clock.${messageKey(c.kind)}`)} — ${c.completedAt ? t("case.completed", { date: calendarDay(c.completedAt, c.zone) }) : t("case.due", { date: calendarDay(c.dueAt, c.zone) })} — ${t(`ladder.clockState.${c.state}`)} (${c.rule})`);
  }

  heading(t("case.timeline"));
  for (const e of detail.timeline) {
    para(`${date(e.at)} · ${t(`party.${e.party}`)} · ${t(`events.${messageKey(e.type)}`)}`);
    if (e.detail?.kind === "eligibility" && e.detail.reason) para(`    ${e.detail.reason}`);
  }

  heading(t("case.messages"));
  if (!messages.length) para(t("case.noMessages"));
  for (const m of messages) {
    // For the record, what the complainant never saw says so, with its audience.
    const audience = m.visibility === "complainant" ? "" : ` · ${t(`caseExtra.visibility.${m.visibility}`)}`;
    tagged("P", () => doc.font("bold").text(`${date(m.createdAt)} · ${m.authorName ?? t(`party.${m.authorParty}`)}${audience}`).font("regular").text(m.body));
    doc.moveDown(0.3);
  }

  heading(t("caseExtra.documents"));
  if (!documents.length) para(t("caseExtra.noDocuments"));
  for (const d of documents) {
    para(`${d.filename} (${d.mimeType}, ${d.size} B, ${date(d.createdAt)})`);
    doc.fontSize(8);
    para(`SHA-256 ${d.sha256}`);
    doc.fontSize(10);
  }

  doc.moveDown(1).fontSize(8).fillColor("#555");
  para(`Recourse · ${generatedAt.toISOString()}`);
  root.end();
  doc.end();
  return done;
}
