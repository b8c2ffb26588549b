import { apiGetDocument } from "@/lib/api/cases";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string; documentId: string }>("getDocument", async ({ db, actor, params }) => apiGetDocument(db, actor, params.id, params.documentId));
