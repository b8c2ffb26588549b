/**
 * Many rows as one JSON parameter (a batch's thousands of deadlines, events or notices):
 * far less to build and send than a bound value per column and row. Sent as an array of
 * arrays and read back by position: keys are not repeated on every row, and PostgreSQL reads
 * `r->>n` several times faster than json_to_recordset's objects (2,000 deadline rows: about
 * 5 ms against 25 ms in psql).
 */
import { sql, type SQL } from "drizzle-orm";

/** Each column's name and SQL type, in order; `jsonb` columns keep their JSON. */
export type RowColumns<T> = { [K in keyof T & string]: string };

/** A subquery yielding `rows` with `columns`; alias it: FROM ${jsonRows(…)} AS v. */
export function jsonRows<T extends Record<string, unknown>>(rows: readonly T[], columns: RowColumns<T>): SQL {
  const names = Object.keys(columns) as (keyof T & string)[];
  const values = JSON.stringify(rows.map((row) => names.map((name) => row[name] ?? null)));
  const select = names.map((name, i) => (columns[name] === "jsonb" ? `(r->${i})::jsonb AS "${name}"` : `(r->>${i})::${columns[name]} AS "${name}"`)).join(", ");
  return sql`(SELECT ${sql.raw(select)} FROM json_array_elements(${values}::json) AS r)`;
}
