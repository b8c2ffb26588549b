/**
 * Reply addresses: `reply+<token>@<RECOURSE_INBOUND_DOMAIN>`, one per person and case. The
 * token names the case, the person and the last day it is accepted, and carries an HMAC
 * under a key derived from AUTH_SECRET, so it cannot be made up or moved to another case or
 * person. Binary and base64url-encoded, it keeps the address's mailbox name within the
 * 64 characters SMTP allows.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { isUuid } from "@/lib/ids";

const DAY_MS = 86_400_000;
const MAC_BYTES = 8;
/** case (16) + user (16) + last day (2) + MAC. */
const TOKEN_BYTES = 16 + 16 + 2 + MAC_BYTES;
export const REPLY_PREFIX = "reply+";

/** How long a reply address is accepted after the mail that carries it. */
export const REPLY_VALID_DAYS = 180;

// Derived as lib/auth/sealed.ts derives its keys: from AUTH_SECRET and the purpose.
const key = () => createHash("sha256").update(`recourse:reply-address:${authSecret()}`).digest();
const mac = (payload: Buffer) => createHmac("sha256", key()).update(payload).digest().subarray(0, MAC_BYTES);
const uuidBytes = (id: string) => Buffer.from(id.replaceAll("-", ""), "hex");
const uuidOf = (bytes: Buffer) => bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

export interface ReplyToken {
  caseId: string;
  userId: string;
  /** The last instant the token is accepted; null when it never ends. */
  expiresAt: Date | null;
}

/** A token for `userId` on `caseId`, accepted until the end of the UTC day of `expiresAt` (none: always). */
export function replyToken(caseId: string, userId: string, expiresAt: Date | null): string {
  if (!isUuid(caseId) || !isUuid(userId)) throw new Error("reply tokens name a case and a user by their uuid");
  const day = expiresAt ? Math.floor(expiresAt.getTime() / DAY_MS) : 0;
  if (day < 0 || day > 0xffff) throw new Error("expiry out of range");
  const payload = Buffer.alloc(34);
  uuidBytes(caseId).copy(payload, 0);
  uuidBytes(userId).copy(payload, 16);
  payload.writeUInt16BE(day, 32);
  return Buffer.concat([payload, mac(payload)]).toString("base64url");
}

export type TokenProblem = "malformed" | "forged" | "expired";

/** The token's case and person, or why it is refused. */
export function readReplyToken(token: string, now: Date): ReplyToken | TokenProblem {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return "malformed";
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== TOKEN_BYTES || bytes.toString("base64url") !== token) return "malformed";
  const payload = bytes.subarray(0, 34);
  if (!timingSafeEqual(mac(payload), bytes.subarray(34))) return "forged";
  const day = payload.readUInt16BE(32);
  const expiresAt = day ? new Date((day + 1) * DAY_MS - 1) : null;
  if (expiresAt && now > expiresAt) return "expired";
  return { caseId: uuidOf(payload.subarray(0, 16)), userId: uuidOf(payload.subarray(16, 32)), expiresAt };
}

/** The token in a recipient address on `domain` (`reply+<token>@domain`, the domain in any case), or null. */
export function tokenOfAddress(address: string, domain: string): string | null {
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
  const local = address.slice(0, at);
  return local.toLowerCase().startsWith(REPLY_PREFIX) ? local.slice(REPLY_PREFIX.length) : null;
}

export function replyAddress(caseId: string, userId: string, domain: string, now: Date): string {
  return `${REPLY_PREFIX}${replyToken(caseId, userId, new Date(now.getTime() + REPLY_VALID_DAYS * DAY_MS))}@${domain}`;
}
