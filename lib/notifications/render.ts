/**
 * A notice in words: the bell's title and the mail's subject, text and HTML, in the reader's
 * language, from the same messages the pages use (messages/*.json, namespace `notify`).
 */
import { messageKey } from "@/lib/i18n/message-key";
import { dynamicTranslator, hasMessage, isLanguage, translator, type Language as MailLocale } from "@/lib/i18n/translator";
import { escapeHtml } from "@/lib/mail/html";
import { mailDate } from "@/lib/mail/templates";
import { aboutIntegrations } from "./kinds";
import type { NoticeKind } from "./notice";

export interface RenderedNotice {
  title: string;
  body: string;
  text: string;
  html: string;
}

const lists = new Map<MailLocale, Intl.ListFormat>();
const listFormat = (locale: MailLocale) => {
  let format = lists.get(locale);
  if (!format) lists.set(locale, (format = new Intl.ListFormat(locale, { type: "conjunction" })));
  return format;
};

/** Turns ids in the params (a clock kind, an event type, rungs, a due instant) into words. */
function words(locale: MailLocale, params: Record<string, string | number>) {
  const out: Record<string, string | number> = { ...params };
  const dynamic = dynamicTranslator(locale);
  // One clock, or the several one batch found run out on a case.
  if (typeof params.clock === "string") out.clock = listFormat(locale).format(params.clock.split(",").map((kind) => dynamic(`ladder.clock.${messageKey(kind)}`)));
  // The company's dispute resolution provider by its name, where the notice has it.
  const irm = typeof params.irm === "string" ? params.irm : null;
  const rung = (id: string) => (id === "irm" && irm ? irm : dynamic(`ladder.rung.${id}`));
  if (typeof params.step === "string") {
    const key = messageKey(params.step);
    out.step = irm && hasMessage(locale, `events.byIrm.${key}`) ? dynamic(`events.byIrm.${key}`, { irm }) : dynamic(`events.${key}`);
  }
  if (typeof params.rung === "string") out.rung = rung(params.rung);
  if (typeof params.opens === "string") out.opens = listFormat(locale).format(params.opens.split(",").map(rung));
  const zone = typeof params.zone === "string" ? params.zone : "UTC";
  if (typeof params.due === "string") out.due = mailDate(new Date(params.due), locale, zone);
  if (typeof params.ackDue === "string") out.ackDue = mailDate(new Date(params.ackDue), locale, zone);
  return out;
}

/** `reply` is the party whose thread a reply to the mail goes to, when the mail has a reply address. */
export function renderNotice(kind: NoticeKind, params: Record<string, string | number>, locale: string | null | undefined, url: string, reply?: "complainant" | "organisation"): RenderedNotice {
  const lang: MailLocale = isLanguage(locale) ? locale : "en";
  const t = translator(lang);
  const dynamic = dynamicTranslator(lang);
  const values = words(lang, params);
  const key = kind.replaceAll("-", "_");
  const title = dynamic(`notify.${key}.title`, values);
  // A kind may word a case apart (`variant`: a receipt whose company has no account yet);
  // a missed deadline that opened a rung says so in the same message.
  const body =
    dynamic(`notify.${key}.${typeof params.variant === "string" ? params.variant : "body"}`, values) +
    (typeof params.verdict === "string" ? ` ${dynamic(`notify.verdict.${params.verdict}`)}` : "") +
    (typeof params.eligibility === "string" ? ` ${dynamic(`notify.eligibility.${params.eligibility}`)}` : "") +
    (values.opens ? ` ${t("notify.opens", { opens: String(values.opens) })}` : "");
  // A disabled webhook is about the integrations page, not a case.
  const integrations = aboutIntegrations(kind);
  const footer = integrations ? t("notify.mailFooterIntegrations") : t("notify.mailFooter", { reference: String(params.reference ?? "") });
  const replyHint = reply ? t(reply === "complainant" ? "notify.mailReplyComplainant" : "notify.mailReplyOrganisation") : null;
  const text = `${body}\n\n${t(integrations ? "notify.mailOpenIntegrations" : "notify.mailOpen")}\n${url}\n\n${replyHint ? `${replyHint}\n\n` : ""}--\n${footer}\n`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif"><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t(integrations ? "notify.openIntegrations" : "notify.openCase"))}</a></p>${replyHint ? `<p>${escapeHtml(replyHint)}</p>` : ""}<p style="color:#555;font-size:smaller">${escapeHtml(footer)}</p></body></html>`;
  return { title, body, text, html };
}
