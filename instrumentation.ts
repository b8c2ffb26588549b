/**
 * Next.js calls register() once when the server starts. The environment is checked first:
 * outside demo mode the server refuses to start without RECOURSE_URL and AUTH_SECRET
 * (lib/config.ts), and sets AUTH_URL from RECOURSE_URL. The job queue starts here: as the
 * worker itself (always on the embedded database, which only this process can open; on
 * PostgreSQL unless RECOURSE_WORKER=0, for deployments that run `npm run worker` apart), or
 * only to trigger jobs.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { configOrExit } = await import("@/lib/config");
  configOrExit();
  const { getDatabase } = await import("@/db/client");
  const { startQueue } = await import("@/lib/worker/start");
  const database = await getDatabase();
  const worker = database.kind === "pglite" || process.env.RECOURSE_WORKER !== "0";
  await startQueue(database, { worker });
}
