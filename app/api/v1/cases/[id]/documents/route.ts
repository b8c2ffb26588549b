import { apiAddDocument, apiListDocuments } from "@/lib/api/cases";
import { apiRoute, type Upload } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("listDocuments", async ({ db, actor, params }) => ({ body: await apiListDocuments(db, actor, params.id) }));

export const POST = apiRoute<{ id: string }, Upload>("addDocument", async ({ db, actor, params, body, idempotencyKey, now }) => ({
  body: await apiAddDocument(db, actor, params.id, body, idempotencyKey, now),
}));
