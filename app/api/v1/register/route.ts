import { apiRegister } from "@/lib/api/cases";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = apiRoute("getRegister", async ({ db, actor }) => ({ body: await apiRegister(db, actor) }));
