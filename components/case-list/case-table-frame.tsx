import type { ReactNode } from "react";

/** One column of a list of cases: its heading, the label a phone's stacked card shows, and its cell. */
export interface CaseColumn<R> {
  key: string;
  /** The heading; `label` when omitted. */
  header?: ReactNode;
  /** The column's name, read out beside each cell on a phone (`data-label`). */
  label: string;
  cell: (row: R) => ReactNode;
  headerClassName?: string;
  className?: string;
}

/**
 * The one table every list of cases is drawn in: a caption for screen readers, and on a phone
 * each row stacked as a card with its cells labelled (`stacked-table`).
 */
export function CaseTableFrame<R extends { id: string }>({ rows, columns, caption, empty }: { rows: R[]; columns: CaseColumn<R>[]; caption: string; empty: string }) {
  if (!rows.length) return <p className="rounded-md bg-white p-6 text-slate-700 ring-1 ring-slate-200">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.headerClassName ?? "px-4 py-3 font-semibold"}>
                {c.header ?? c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <td key={c.key} data-label={c.label} className={c.className ?? "px-4 py-3"}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
