/**
 * Role separation on PostgreSQL (README: Production). The migrations role
 * (MIGRATION_DATABASE_URL) owns Recourse's tables; the app role (DATABASE_URL) owns none of
 * them and may read and write everything but history: case_events and audit_log take only
 * SELECT and INSERT, and erasure is the function recourse_erase_cases (migration 0032), run as
 * the role recourse_history. The grants are applied after every migration run, so later
 * tables are granted too. The app role may create schemas in the database for the job queue
 * (pg-boss keeps its own schema, `pgboss`, which holds no history).
 */
import type postgres from "postgres";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a connection acts as. */
export async function currentRole(client: postgres.Sql): Promise<string> {
  const [row] = await client<{ role: string }[]>`SELECT current_user AS role`;
  return row!.role;
}

/** Grants the app role what it needs, and nothing on history beyond reading and appending. */
export async function grantAppRole(owner: postgres.Sql, role: string): Promise<void> {
  const r = quote(role);
  await owner.begin(async (tx) => {
    await tx.unsafe(`GRANT USAGE ON SCHEMA public TO ${r}`);
    await tx.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
    await tx.unsafe(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON case_events, audit_log FROM ${r}`);
    await tx.unsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    await tx.unsafe(`GRANT EXECUTE ON FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) TO ${r}`);
    // The record of applied migrations, so that an app started without the owner's URL can tell it is up to date.
    await tx.unsafe(`GRANT USAGE ON SCHEMA drizzle TO ${r}`);
    await tx.unsafe(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${r}`);
    await tx.unsafe(`GRANT CREATE ON DATABASE ${quote((await tx<{ db: string }[]>`SELECT current_database() AS db`)[0]!.db)} TO ${r}`);
  });
}

/**
 * What makes a connection's role able to rewrite history: empty for a proper app role. A
 * superuser, the tables' owner or a member of recourse_history can disable the guards.
 */
export async function historyRisks(client: postgres.Sql): Promise<string[]> {
  const [row] = await client<{ superuser: boolean; owner: boolean; history: boolean }[]>`
    SELECT r.rolsuper AS superuser,
      EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relname IN ('case_events', 'audit_log') AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owner,
      EXISTS (SELECT 1 FROM pg_roles h WHERE h.rolname = 'recourse_history' AND pg_has_role(current_user, h.oid, 'MEMBER')) AS history
    FROM pg_roles r WHERE r.rolname = current_user`;
  return [...(row?.superuser ? ["is a superuser"] : []), ...(row?.owner ? ["owns the history tables"] : []), ...(row?.history ? ["is a member of recourse_history"] : [])];
}

/**
 * `npm run db:roles`: creates the app role named in DATABASE_URL, with its password, when it
 * does not exist (the migrations role needs CREATEROLE for that; otherwise create it by hand).
 */
export async function ensureAppRole(owner: postgres.Sql, appUrl: string): Promise<{ role: string; created: boolean }> {
  const url = new URL(appUrl);
  const role = decodeURIComponent(url.username);
  if (!role) throw new Error("DATABASE_URL names no user: the app role is the user in that URL");
  const [exists] = await owner`SELECT 1 FROM pg_roles WHERE rolname = ${role}`;
  if (exists) return { role, created: false };
  const password = decodeURIComponent(url.password);
  await owner.unsafe(`CREATE ROLE ${quote(role)} LOGIN${password ? ` PASSWORD '${password.replace(/'/g, "''")}'` : ""}`);
  return { role, created: true };
}

/**
 * The erasure function's owner and rights, as migration 0032 sets them. A restore runs
 * without owners and grants (a backup may land on another server), so it sets them again.
 */
export async function restoreHistoryGuards(owner: postgres.Sql): Promise<void> {
  await owner.begin(async (tx) => {
    await tx.unsafe(`DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recourse_history') THEN
          CREATE ROLE recourse_history NOLOGIN;
        END IF;
        IF NOT pg_has_role(current_user, 'recourse_history', 'MEMBER') THEN
          EXECUTE format('GRANT recourse_history TO %I', current_user);
        END IF;
      END $$`);
    await tx.unsafe(`GRANT USAGE ON SCHEMA public TO recourse_history`);
    await tx.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO recourse_history`);
    await tx.unsafe(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO recourse_history`);
    await tx.unsafe(`GRANT CREATE ON SCHEMA public TO recourse_history`);
    await tx.unsafe(`ALTER FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) OWNER TO recourse_history`);
    await tx.unsafe(`REVOKE CREATE ON SCHEMA public FROM recourse_history`);
    await tx.unsafe(`REVOKE ALL ON FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) FROM PUBLIC`);
    await tx.unsafe(`GRANT EXECUTE ON FUNCTION recourse_erase_cases(uuid[], integer, timestamptz) TO CURRENT_USER`);
  });
}
