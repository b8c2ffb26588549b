import { apiGetCase } from "@/lib/api/cases";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("getCase", async ({ db, actor, params, now }) => ({ body: await apiGetCase(db, actor, params.id, now) }));
