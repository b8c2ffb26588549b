import type { z } from "zod";
import { apiPostMessage } from "@/lib/api/cases";
import { idempotencyHeaders, type messageRequestSchema } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }, z.output<typeof messageRequestSchema>>("postMessage", async ({ db, actor, params, body, headers, now }) => {
  const key = idempotencyHeaders.parse({ "idempotency-key": headers.get("idempotency-key") ?? undefined })["idempotency-key"] ?? null;
  return { body: await apiPostMessage(db, actor, params.id, body, key, now) };
});
