/** The HTML part of a mail, from its words: escaped, one paragraph per line, bare links clickable. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function htmlOfText(text: string, lang: string): string {
  const paragraphs = text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (/^https?:\/\/\S+$/.test(line) ? `<p><a href="${escapeHtml(line)}">${escapeHtml(line)}</a></p>` : `<p>${escapeHtml(line)}</p>`));
  return `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif">${paragraphs.join("")}</body></html>`;
}
