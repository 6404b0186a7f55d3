/**
 * The table beside every chart: read by screen readers instead of the canvas, hidden on screen,
 * printed under the chart so the paper copy carries the exact figures.
 */
export interface ChartTableProps {
  caption: string;
  columns: readonly string[];
  /** Formatted cells; the first cell of a row is its header (e.g. the district name). */
  rows: readonly (readonly (string | number)[])[];
  className?: string;
}

export function ChartTable({ caption, columns, rows, className = "" }: ChartTableProps) {
  // The wrapper, not the table, is visually hidden: a table ignores width: 1px and would widen the page.
  return (
    <div className={`sr-only print:not-sr-only ${className}`}>
    <table className="print:mt-2 print:w-full print:border-collapse print:text-xs">
      <caption className="print:pb-1 print:text-left print:font-semibold">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column, i) => (
            <th key={i} scope="col" className={`print:border print:border-slate-300 print:px-2 print:py-1 ${i === 0 ? "print:text-left" : "print:text-right"}`}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="print:border print:border-slate-300 print:px-2 print:py-1 print:text-left print:font-normal">{cell}</th>
              ) : (
                <td key={i} className="print:border print:border-slate-300 print:px-2 print:py-1 print:text-right print:tabular-nums">{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
