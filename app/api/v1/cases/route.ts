import type { z } from "zod";
import { apiListCases } from "@/lib/api/cases";
import type { listQuerySchema } from "@/lib/api/contract";
import { apiRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = apiRoute<Record<string, never>, undefined, z.output<typeof listQuerySchema>>("listCases", async ({ db, actor, query, url }) => ({ body: await apiListCases(db, actor, query, url.pathname) }));
