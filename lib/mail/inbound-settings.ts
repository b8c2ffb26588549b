/** Replies by e-mail, configured: off unless RECOURSE_INBOUND_DOMAIN and RECOURSE_INBOUND_SMTP_PORT are both set. */
import { ATTACHMENT_LIMITS } from "@/lib/cases/attachments";

export interface InboundSettings {
  /** The domain of reply addresses, whose MX points at the listener. */
  domain: string;
  port: number;
  /** The address to listen on; all interfaces unless given. */
  host?: string;
  /** The largest message accepted (SMTP SIZE). */
  maxBytes: number;
}

/** Room for the attachment limits in base64, with the text around them. */
export const INBOUND_MAX_BYTES = Math.ceil((ATTACHMENT_LIMITS.maxTotalBytes * 4) / 3) + 1024 * 1024;

/** Replies by e-mail are on when both RECOURSE_INBOUND_DOMAIN and RECOURSE_INBOUND_SMTP_PORT are set. */
export function inboundSettings(env: Record<string, string | undefined> = process.env): InboundSettings | null {
  const domain = env.RECOURSE_INBOUND_DOMAIN?.trim();
  const port = env.RECOURSE_INBOUND_SMTP_PORT?.trim();
  if (!domain || !port) return null;
  if (!/^\d+$/.test(port) || Number(port) > 65_535) throw new Error(`RECOURSE_INBOUND_SMTP_PORT (${port}) must be a port number`);
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domain)) throw new Error(`RECOURSE_INBOUND_DOMAIN (${domain}) must be a domain name, such as reply.recourse.example.org`);
  return { domain, port: Number(port), host: env.RECOURSE_INBOUND_SMTP_HOST?.trim() || undefined, maxBytes: INBOUND_MAX_BYTES };
}
