/**
 * `column IN (…)` for long lists (a sweep batch's thousand cases): one JSON parameter instead
 * of a bound value each, which Drizzle would build chunk by chunk and PostgreSQL parse and plan.
 */
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

export function inList(column: AnyColumn | SQL, values: readonly string[], type: "uuid" | "text" = "uuid"): SQL {
  return sql`${column} IN (SELECT value::${sql.raw(type)} FROM json_array_elements_text(${JSON.stringify(values)}::json))`;
}
