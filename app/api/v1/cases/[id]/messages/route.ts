import type { z } from "zod";
import { apiPostMessage } from "@/lib/api/cases";
import type { messageRequestSchema } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }, z.output<typeof messageRequestSchema>>("postMessage", async ({ db, actor, params, body, idempotencyKey, now }) => ({
  body: await apiPostMessage(db, actor, params.id, body, idempotencyKey, now),
}));
