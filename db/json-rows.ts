/**
 * Many rows as one JSON parameter (a batch's thousands of deadlines, events or notices):
 * far less to build and send than a bound value per column and row. Sent as an array of
 * arrays, parsed once as jsonb and read back by position, so keys are not repeated on every
 * row. (Read as `json`, each `r->>n` parses its row again: 2,000 deadline rows took ~37 ms in
 * EXPLAIN ANALYZE against ~11 ms as jsonb; the sweep spent a quarter of PostgreSQL's time so.)
 * Instants travel as epoch milliseconds: JSON.stringify turns a Date into a string several
 * times more slowly than it writes a number.
 */
import { getTableColumns, sql, type SQL, type Table } from "drizzle-orm";

/** Each column's name and SQL type, in order; `jsonb` columns keep their JSON. */
export type RowColumns<T> = { [K in keyof T & string]: string };

/** A subquery yielding `rows` with `columns`; alias it: FROM ${jsonRows(…)} AS v. */
export function jsonRows<T extends Record<string, unknown>>(rows: readonly T[], columns: RowColumns<T>): SQL {
  return subquery(rows, (Object.keys(columns) as (keyof T & string)[]).map((key) => ({ key, name: key, type: columns[key] })));
}

interface Column<K> {
  /** The row's property. */
  key: K;
  /** The subquery's column name. */
  name: string;
  type: string;
}

function subquery<T extends Record<string, unknown>>(rows: readonly T[], columns: Column<keyof T & string>[]): SQL {
  const instant = columns.map((c) => c.type === "timestamptz");
  const values = JSON.stringify(rows.map((row) => columns.map((c, i) => (instant[i] ? epochMs(row[c.key]) : (row[c.key] ?? null)))));
  const select = columns
    .map(({ name, type }, i) => {
      if (type === "jsonb") return `r->${i} AS "${name}"`;
      if (type === "timestamptz") return `to_timestamp((r->>${i})::float8 / 1000) AS "${name}"`;
      return `(r->>${i})::${type} AS "${name}"`;
    })
    .join(", ");
  return sql`(SELECT ${sql.raw(select)} FROM jsonb_array_elements(${values}::jsonb) AS r)`;
}

type ColumnKey<T extends Table> = keyof T["_"]["columns"] & string;

/**
 * Rows of `table` by its Drizzle columns (the rows' properties are the schema's names): the
 * subquery names and types each column as the table does, and `columns` lists them for the
 * INSERT, so nothing depends on an order written twice.
 *   INSERT INTO t (${columns}) SELECT ${columns} FROM ${source} AS v
 */
export function tableRows<T extends Table, K extends ColumnKey<T>>(table: T, keys: readonly K[], rows: readonly { [P in K]: unknown }[]): { columns: SQL; source: SQL; of: (alias: string) => SQL } {
  const all = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const columns = keys.map((key) => {
    const column = all[key]!;
    const type = column.getSQLType();
    return { key, name: column.name, type: type.startsWith("timestamp") ? "timestamptz" : type };
  });
  return {
    columns: sql.raw(columns.map((c) => `"${c.name}"`).join(", ")),
    source: subquery(rows as readonly Record<string, unknown>[], columns as Column<string>[]),
    // The same list, qualified by the subquery's alias where a join names a column twice.
    of: (alias: string) => sql.raw(columns.map((c) => `${alias}."${c.name}"`).join(", ")),
  };
}

function epochMs(value: unknown): number | null {
  if (value == null) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(value)}`);
  return ms;
}
