import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS, checkAttachment, checkAttachments, safeFilename } from "./attachments";

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e60000000049454e44ae426082", "hex");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const JPEG = Buffer.from("ffd8ffe000104a46494600010100000100010000ffd9", "hex");
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);

describe("attachments are recognised by content", () => {
  it.each([
    ["evidence.pdf", PDF, "application/pdf"],
    ["opens-at-page-one.pdf", Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction[3 0 R/Fit]>>endobj\n%%EOF\n"), "application/pdf"],
    ["screenshot.png", PNG, "image/png"],
    ["photo.JPG", JPEG, "image/jpeg"],
    ["letter.txt", Buffer.from("Dear company,\nI asked for my data.\nÄÖÜ é"), "text/plain"],
  ])("%s is accepted as %s", async (name, bytes, mime) => {
    const result = await checkAttachment(name, bytes);
    expect(typeof result === "string" ? result : result.mimeType).toBe(mime);
  });

  it.each([
    ["a Windows executable named .pdf", "invoice.pdf", EXE, "file_type_not_allowed"],
    ["a PNG named .pdf", "report.pdf", PNG, "file_type_mismatch"],
    ["a PDF named .txt", "notes.txt", PDF, "file_type_mismatch"],
    ["binary junk named .txt", "notes.txt", Buffer.from([0, 1, 2, 3, 255, 254]), "file_type_not_allowed"],
    ["an empty file", "empty.txt", Buffer.alloc(0), "file_empty"],
    ["an oversized file", "big.txt", Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1, 0x61), "file_too_large"],
    ["an HTML page named .txt", "page.html", Buffer.from("<script>alert(1)</script>"), "file_type_mismatch"],
    ["a PDF whose opening runs a script", "evidence.pdf", Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n"), "file_active_content"],
    ["a PDF with an action dictionary on opening", "evidence.pdf", Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction <</S/Launch/F(cmd.exe)>>>>endobj\n%%EOF\n"), "file_active_content"],
    ["a PDF with a page's automatic action", "evidence.pdf", Buffer.from("%PDF-1.4\n3 0 obj<</Type/Page/AA<</O 4 0 R>>>>endobj\n%%EOF\n"), "file_active_content"],
  ])("%s is refused (%s)", async (_label, name, bytes, error) => {
    expect(await checkAttachment(name, bytes)).toBe(error);
  });

  it("reports every problem with a set of files", async () => {
    const files = Array.from({ length: ATTACHMENT_LIMITS.maxFiles + 1 }, (_, i) => ({ name: `f${i}.pdf`, bytes: i === 0 ? EXE : PDF }));
    const { ok, errors, refused } = await checkAttachments(files);
    expect(errors.sort()).toEqual(["file_type_not_allowed", "too_many_files"]);
    expect(ok).toHaveLength(ATTACHMENT_LIMITS.maxFiles - 1);
    // The file that failed is named, so the person knows which one to replace.
    expect(refused).toEqual(["f0.pdf"]);
  });

  it.each([
    ["../../etc/passwd.txt", "passwd.txt"],
    ["C:\\Users\\me\\evidence.pdf", "evidence.pdf"],
    ["..hidden.txt", "hidden.txt"],
    ["a\u0000b<script>.txt", "a_b_script_.txt"],
    ["invoice\u202Etxt.exe.pdf", "invoicetxt.exe.pdf"],
    ["\u2066evidence\u2069.pdf", "evidence.pdf"],
  ])("file name %j is stored as %j", (name, safe) => {
    expect(safeFilename(name)).toBe(safe);
  });
});
