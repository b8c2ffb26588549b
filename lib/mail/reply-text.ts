/**
 * What a person wrote in an e-mail reply, without what their mail program added: the quoted
 * mail below an attribution line ("On … wrote:", "Am … schrieb …:", "Le … a écrit :"), an
 * Outlook-style original-message block, lines quoted with ">", and a signature after "-- ".
 */

/** Lines that begin the quoted history (an attribution may be wrapped onto a second line). */
const HISTORY = [
  /^On\b.+\bwrote:$/i,
  /^Am\b.+\bschrieb\b.*:$/i,
  /^Le\b.+\ba [ée]crit[\s\u00a0\u202f]*:$/i,
  /^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message|Weitergeleitete Nachricht|Message transféré)\s*-{2,}$/i,
  /^_{10,}$/,
];

/** The standard signature separator "-- " (many programs drop the space). */
const SIGNATURE = /^--[ \t]?$/;

export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const next = lines[i + 1]?.trim() ?? "";
    const begins = (re: RegExp) => re.test(line) || (!!line && !!next && re.test(`${line} ${next}`));
    if (SIGNATURE.test(lines[i]!) || HISTORY.some(begins)) {
      end = i;
      break;
    }
  }
  return lines
    .slice(0, end)
    .filter((line) => !/^\s*>/.test(line))
    .join("\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
