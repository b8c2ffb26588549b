/**
 * Benchmark baseline only (RECOURSE_BENCH=1): a bare route handler doing one Drizzle INSERT,
 * against which bench/filing.ts measures the real filing path in the same run.
 */
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

let ready: Promise<unknown> | null = null;

export async function POST(request: Request) {
  if (process.env.RECOURSE_BENCH !== "1") return Response.json({ error: "not_found" }, { status: 404 });
  const db = await getDb();
  ready ??= db.execute(sql`create table if not exists bench_inserts (id bigserial primary key, body jsonb not null, at timestamptz not null default now())`);
  await ready;
  const body = await request.json();
  await db.execute(sql`insert into bench_inserts (body) values (${JSON.stringify(body)}::jsonb)`);
  return Response.json({ ok: true }, { status: 201 });
}
