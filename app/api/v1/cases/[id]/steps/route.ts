import type { z } from "zod";
import { apiTakeStep } from "@/lib/api/cases";
import type { stepRequestSchema } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }, z.output<typeof stepRequestSchema>>("takeStep", async ({ db, actor, params, body, idempotencyKey, now, meta }) => ({
  body: await apiTakeStep(db, actor, params.id, body, idempotencyKey, now, meta),
}));
