/**
 * What evidence Recourse accepts: PDF, PNG, JPEG and plain text, recognised by content (the
 * file's bytes), never by its name; the name's extension must agree with the content.
 */
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";

export const ATTACHMENT_LIMITS = { maxFiles: 5, maxBytes: 4 * 1024 * 1024, maxTotalBytes: 12 * 1024 * 1024 } as const;

export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "text/plain"] as const;
export type AttachmentMime = (typeof ATTACHMENT_TYPES)[number];
const EXTENSIONS: Record<AttachmentMime, string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "text/plain": ["txt", "text", "log", "csv", "eml"],
};

export const ATTACHMENT_ERRORS = ["file_empty", "file_too_large", "file_type_not_allowed", "file_type_mismatch", "file_active_content", "too_many_files", "files_too_large"] as const;
export type AttachmentError = (typeof ATTACHMENT_ERRORS)[number];

/**
 * A PDF that would run something when opened: scripts, launched programs, automatic actions.
 * An /OpenAction that only names the page to show (an array) is ordinary; one that is an
 * action dictionary is not.
 */
export function pdfHasActiveContent(bytes: Buffer): boolean {
  const text = bytes.toString("latin1");
  return /\/(?:JavaScript|JS|Launch|AA|RichMedia|XFA)(?![A-Za-z])/.test(text) || /\/OpenAction\s*<</.test(text);
}

/** A stored document as a case page or the case file lists it. */
export interface DocumentEntry {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  /** The message the document came with, if any. */
  messageId?: string | null;
}

export interface CheckedAttachment {
  filename: string;
  mimeType: AttachmentMime;
  size: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * A display-safe file name: no path, no control characters, no bidirectional controls (which
 * can make "evil‮fdp.exe" read as "evil.exe.pdf"), at most 200 characters.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001F\u007F<>:"|?*]/g, "_").replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "").replace(/^\.+/, "").trim();
  return (cleaned || "file").slice(0, 200);
}

function isPlainText(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
  } catch {
    return false;
  }
}

export async function sniff(bytes: Buffer): Promise<AttachmentMime | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return (Object.keys(EXTENSIONS) as AttachmentMime[]).find((m) => m === detected.mime) ?? null;
  return isPlainText(bytes) ? "text/plain" : null;
}

export async function checkAttachment(name: string, bytes: Buffer): Promise<CheckedAttachment | AttachmentError> {
  if (!bytes.length) return "file_empty";
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) return "file_too_large";
  const mimeType = await sniff(bytes);
  if (!mimeType) return "file_type_not_allowed";
  const filename = safeFilename(name);
  const extension = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  if (!EXTENSIONS[mimeType].includes(extension)) return "file_type_mismatch";
  if (mimeType === "application/pdf" && pdfHasActiveContent(bytes)) return "file_active_content";
  return { filename, mimeType, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
}

/** Checks a set of uploads; every problem is reported, not only the first, and `refused` names the files that failed. */
export async function checkAttachments(files: { name: string; bytes: Buffer }[]): Promise<{ ok: CheckedAttachment[]; errors: AttachmentError[]; refused: string[] }> {
  const errors: AttachmentError[] = [];
  const refused: string[] = [];
  if (files.length > ATTACHMENT_LIMITS.maxFiles) errors.push("too_many_files");
  if (files.reduce((sum, f) => sum + f.bytes.length, 0) > ATTACHMENT_LIMITS.maxTotalBytes) errors.push("files_too_large");
  const ok: CheckedAttachment[] = [];
  for (const file of files.slice(0, ATTACHMENT_LIMITS.maxFiles)) {
    const result = await checkAttachment(file.name, file.bytes);
    if (typeof result === "string") {
      errors.push(result);
      refused.push(safeFilename(file.name));
    } else ok.push(result);
  }
  return { ok, errors: [...new Set(errors)], refused };
}
