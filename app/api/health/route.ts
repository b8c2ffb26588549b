import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 with the database's status when it answers; 503 when it does not. */
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: { kind, status: "up" } });
  } catch {
    return Response.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
