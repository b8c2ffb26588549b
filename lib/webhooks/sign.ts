/**
 * Standard Webhooks signing (`standardwebhooks`): secrets `whsec_` + base64 of 32 random
 * bytes; headers webhook-id, webhook-timestamp (seconds) and webhook-signature, which holds one
 * `v1,<base64 HMAC-SHA256>` per signing secret, separated by spaces (after a rotation, the
 * current and the previous secret both sign).
 */
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const SECRET_PREFIX = "whsec_";

export function newSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

export function signedHeaders(id: string, timestamp: Date, body: string, secrets: string[]): SignedHeaders {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(" "),
  };
}
