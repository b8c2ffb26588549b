import "server-only";
import { headers } from "next/headers";
import type { RequestMeta } from "@/lib/cases/commands";

/** Who is asking, for the audit trail and rate limits (no address when no proxy gave one). */
export async function requestMeta(): Promise<RequestMeta & { ip: string | null }> {
  const h = await headers();
  return { ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || null, userAgent: h.get("user-agent") };
}
