import type { z } from "zod";
import { apiTakeStep } from "@/lib/api/cases";
import { idempotencyHeaders, type stepRequestSchema } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }, z.output<typeof stepRequestSchema>>("takeStep", async ({ db, actor, params, body, headers, now, meta }) => {
  const key = idempotencyHeaders.parse({ "idempotency-key": headers.get("idempotency-key") ?? undefined })["idempotency-key"] ?? null;
  const done = await apiTakeStep(db, actor, params.id, body, key, now, meta);
  return { body: done };
});
