/**
 * The mail Recourse sends, in each language, with a plain-text part always.
 */
export type MailLocale = "en" | "de" | "fr";
export type MailTemplate = "sign-in" | "case-filed" | "case-filed-pending" | "case-delivery" | "case-received" | "invitation" | "filing-confirm";

type Params = Record<string, string>;

/** A name that ends a sentence keeps its own full stop ("mParticle, Inc.") rather than gaining a second. */
const ending = (name: string) => (name.endsWith(".") ? name : `${name}.`);
type Rendered = { subject: string; text: string };

const TEMPLATES: Record<MailTemplate, Record<MailLocale, (p: Params) => Rendered>> = {
  "sign-in": {
    en: (p) => ({ subject: "Your sign-in link for Recourse", text: `Sign in to Recourse with this link:\n\n${p.url}\n\nIt works once and expires in ${p.minutes} minutes. If you did not ask for it, ignore this message.` }),
    de: (p) => ({ subject: "Ihr Anmeldelink für Recourse", text: `Melden Sie sich mit diesem Link bei Recourse an:\n\n${p.url}\n\nEr funktioniert einmal und läuft in ${p.minutes} Minuten ab. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.` }),
    fr: (p) => ({ subject: "Votre lien de connexion à Recourse", text: `Connectez-vous à Recourse avec ce lien :\n\n${p.url}\n\nIl ne fonctionne qu'une fois et expire dans ${p.minutes} minutes. Si vous ne l'avez pas demandé, ignorez ce message.` }),
  },
  "filing-confirm": {
    en: (p) => ({ subject: `Confirm your complaint against ${p.organisation}`, text: `Open this link and press "Send my complaint" to send your complaint to ${ending(p.organisation!)}\n\n${p.url}\n\nUntil you do, the company sees nothing. The link works until ${p.until}; after that the complaint is deleted. If you did not write this complaint, ignore this mail: nothing will be sent.` }),
    de: (p) => ({ subject: `Bestätigen Sie Ihre Beschwerde gegen ${p.organisation}`, text: `Öffnen Sie diesen Link und drücken Sie „Beschwerde jetzt senden“, um Ihre Beschwerde an ${p.organisation} zu senden:\n\n${p.url}\n\nBis dahin sieht das Unternehmen nichts. Der Link gilt bis ${p.until}; danach wird die Beschwerde gelöscht. Wenn Sie diese Beschwerde nicht geschrieben haben, ignorieren Sie diese E-Mail: Es wird nichts gesendet.` }),
    fr: (p) => ({ subject: `Confirmez votre plainte contre ${p.organisation}`, text: `Ouvrez ce lien et appuyez sur « Envoyer ma plainte » pour envoyer votre plainte à ${ending(p.organisation!)}\n\n${p.url}\n\nD'ici là, l'entreprise ne voit rien. Le lien est valable jusqu'au ${p.until} ; ensuite, la plainte est supprimée. Si vous n'avez pas écrit cette plainte, ignorez ce message : rien ne sera envoyé.` }),
  },
  "case-filed": {
    en: (p) => ({ subject: `Complaint ${p.reference} received`, text: `Your complaint against ${p.organisation} has the reference ${p.reference}.\n\nThe company must reply by ${p.due}.\n\nFollow your case here:\n${p.url}` }),
    de: (p) => ({ subject: `Beschwerde ${p.reference} eingegangen`, text: `Ihre Beschwerde gegen ${p.organisation} hat das Aktenzeichen ${p.reference}.\n\nDas Unternehmen muss bis ${p.due} antworten.\n\nIhren Fall verfolgen Sie hier:\n${p.url}` }),
    fr: (p) => ({ subject: `Plainte ${p.reference} reçue`, text: `Votre plainte contre ${p.organisation} porte la référence ${p.reference}.\n\nL'entreprise doit répondre au plus tard le ${p.due}.\n\nSuivez votre dossier ici :\n${p.url}` }),
  },
  "case-filed-pending": {
    en: (p) => ({ subject: `Complaint ${p.reference} received`, text: `Your complaint against ${p.organisation} has the reference ${p.reference}.\n\n${p.organisation} has no account on Recourse, so Recourse is delivering your complaint to its published complaint contact. Its 45 days start when it receives it; your case page will show the date.\n\nFollow your case here:\n${p.url}` }),
    de: (p) => ({ subject: `Beschwerde ${p.reference} eingegangen`, text: `Ihre Beschwerde gegen ${p.organisation} hat das Aktenzeichen ${p.reference}.\n\n${p.organisation} hat kein Konto bei Recourse. Recourse stellt Ihre Beschwerde daher an die veröffentlichte Beschwerdeadresse des Unternehmens zu. Seine 45 Tage beginnen mit dem Eingang; Ihre Fallseite zeigt das Datum.\n\nIhren Fall verfolgen Sie hier:\n${p.url}` }),
    fr: (p) => ({ subject: `Plainte ${p.reference} reçue`, text: `Votre plainte contre ${p.organisation} porte la référence ${p.reference}.\n\n${p.organisation} n'a pas de compte sur Recourse : Recourse transmet donc votre plainte à l'adresse de réclamation publiée par l'entreprise. Ses 45 jours commencent à sa réception ; la page de votre dossier en indiquera la date.\n\nSuivez votre dossier ici :\n${p.url}` }),
  },
  // To a U.S. organisation's published complaint contact: in English, like the arbitration Notice.
  "case-delivery": {
    en: (p) => ({
      subject: `Privacy complaint ${p.reference} against ${p.organisation}`,
      text: `An individual has filed a complaint against ${p.organisation} under the EU-U.S. Data Privacy Framework (or its predecessor, the Privacy Shield) through Recourse, and named this address as your published complaint contact.\n\nThe Principles require a response within 45 days of receiving the complaint: they run from this message.\n\nThe complaint:\n${p.description}\n\nRead the whole complaint, acknowledge receipt and send your response here, without an account (the link works for ${p.days} days, until you send your response):\n${p.url}`,
    }),
    de: (p) => TEMPLATES["case-delivery"].en(p),
    fr: (p) => TEMPLATES["case-delivery"].en(p),
  },
  invitation: {
    en: (p) => ({ subject: `Join ${p.organisation} on Recourse`, text: `${p.inviter} invited you to answer privacy complaints for ${p.organisation} on Recourse.\n\nOpen the invitation to accept or decline it (the link works for ${p.hours} hours):\n${p.url}\n\nIf you did not expect this, you can ignore this mail: nothing happens unless you accept.` }),
    de: (p) => ({ subject: `Treten Sie ${p.organisation} auf Recourse bei`, text: `${p.inviter} hat Sie eingeladen, Datenschutzbeschwerden für ${p.organisation} auf Recourse zu beantworten.\n\nÖffnen Sie die Einladung, um sie anzunehmen oder abzulehnen (der Link gilt ${p.hours} Stunden):\n${p.url}\n\nWenn Sie das nicht erwartet haben, können Sie diese E-Mail ignorieren: Ohne Ihre Zusage geschieht nichts.` }),
    fr: (p) => ({ subject: `Rejoignez ${p.organisation} sur Recourse`, text: `${p.inviter} vous invite à traiter les plaintes relatives à la vie privée pour ${p.organisation} sur Recourse.\n\nOuvrez l'invitation pour l'accepter ou la refuser (le lien est valable ${p.hours} heures) :\n${p.url}\n\nSi vous ne vous y attendiez pas, ignorez ce message : rien ne se passe sans votre accord.` }),
  },
  "case-received": {
    en: (p) => ({ subject: `New complaint ${p.reference}`, text: `A new complaint (${p.reference}) was filed against ${ending(p.organisation!)}\n\nAcknowledge it by ${p.ackDue}; reply by ${p.due}.\n\n${p.url}` }),
    de: (p) => ({ subject: `Neue Beschwerde ${p.reference}`, text: `Gegen ${p.organisation} wurde eine neue Beschwerde (${p.reference}) eingereicht.\n\nBestätigen Sie den Eingang bis ${p.ackDue}; antworten Sie bis ${p.due}.\n\n${p.url}` }),
    fr: (p) => ({ subject: `Nouvelle plainte ${p.reference}`, text: `Une nouvelle plainte (${p.reference}) a été déposée contre ${ending(p.organisation!)}\n\nAccusez réception avant le ${p.ackDue} ; répondez avant le ${p.due}.\n\n${p.url}` }),
  },
};

export function isMailLocale(value: string | null | undefined): value is MailLocale {
  return value === "en" || value === "de" || value === "fr";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderMail(template: MailTemplate, locale: string | null | undefined, params: Params) {
  const { subject, text } = TEMPLATES[template][isMailLocale(locale) ? locale : "en"](params);
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif">${escapeHtml(text)
    .split("\n")
    .map((line) => (/^https?:\/\//.test(line) ? `<p><a href="${line}">${line}</a></p>` : `<p>${line}</p>`))
    .join("")}</body></html>`;
  return { subject, text, html };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Dates in mail: the day, in the reader's language, in UTC unless told otherwise. */
export function mailDate(date: Date, locale: string, timeZone = "UTC"): string {
  const lang = isMailLocale(locale) ? locale : "en";
  const key = `${lang}|${timeZone}`;
  // Building a formatter costs far more than using one: keep one per language and zone.
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone })));
  return format.format(date);
}
