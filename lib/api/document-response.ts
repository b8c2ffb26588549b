/**
 * A stored document as an HTTP answer, for the pages' download link and the API alike: always
 * an attachment in its own media type, never rendered inline or sniffed, never cached.
 */
export function documentResponse(file: { content: Buffer | Uint8Array; mimeType: string; size: number; filename: string; sha256: string }): Response {
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.size),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "x-sha256": file.sha256,
    },
  });
}
