/**
 * The job queue: pg-boss, on the app's own database. On PostgreSQL it opens its own small
 * pool; on the embedded database it runs its SQL through the one PGlite instance (PGlite
 * queues statements, so the app and the queue take turns).
 */
import PgBoss from "pg-boss";
import type { Database } from "@/db/client";

export function createBoss(database: Database, options: { worker: boolean }): PgBoss {
  const common = {
    // Only a worker keeps the queue's own schedule and maintenance running.
    schedule: options.worker,
    supervise: options.worker,
    migrate: true,
  };
  if (database.kind === "postgres") return new PgBoss({ ...common, connectionString: database.url!, max: 3, application_name: "recourse-worker" });
  const pglite = database.pglite!;
  const db = {
    async executeSql(text: string, values?: unknown[]) {
      if (values?.length) return pglite.query(text, values as never[]);
      // Parameterless calls may hold several statements (its migrations, its locked sections).
      const results = await pglite.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
  return new PgBoss({ ...common, db } as PgBoss.ConstructorOptions);
}
