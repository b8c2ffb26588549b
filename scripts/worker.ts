/**
 * `npm run worker`: the deadline sweep, mail delivery and retention on their own, for
 * deployments that run several app instances on PostgreSQL (start those with
 * RECOURSE_WORKER=0). Any number of workers may run; their jobs never overlap harmfully.
 */
import { openDatabase } from "@/db/client";
import { configOrExit } from "@/lib/config";
import { startQueue } from "@/lib/worker/start";

if (!process.env.DATABASE_URL) {
  console.error("[worker] The embedded database belongs to the web server, which runs the worker itself. Set DATABASE_URL to run a worker apart.");
  process.exit(2);
}
// The worker mails links: it needs the same RECOURSE_URL (and the rest) as the web server.
configOrExit();
const database = await openDatabase();
const queue = await startQueue(database, { worker: true });
console.log("[worker] running; stop with Ctrl-C");
const stop = async () => {
  await queue.stop();
  await database.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
