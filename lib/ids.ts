/** A UUID as Postgres stores it: 8-4-4-4-12 hex digits (36 dashes or a wrong shape are not one). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | null | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The shape of the secret in a mailed link (an invitation, a filing's confirmation, a company's answer link): base64url. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export function isLinkToken(value: string): boolean {
  return LINK_TOKEN.test(value);
}
