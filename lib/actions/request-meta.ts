import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/cases/commands";
import { clientAddress } from "@/lib/rate-limit";

/** Who is asking, for the audit trail and rate limits (no address when no proxy gave one). */
export async function requestMeta(): Promise<RequestMeta & { ip: string | null }> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: h.get("user-agent") };
}
