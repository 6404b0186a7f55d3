import Link from "next/link";
import { Fragment } from "react";
import { defaultDir, sortRanking, type RankingSort } from "@/lib/dashboard/sort-ranking";
import { formatScore } from "@/lib/format";
import type { RankingTable as Table } from "@/lib/queries/rankings";
import { RankDelta } from "@/components/ui/delta";
import type { WarningItem } from "@/lib/supervision/queries";
import { ValueCell } from "./value-cell";

/** The ranking with every indicator; each header is a link that sorts by it, so the URL keeps the order. */
export function RankingTable({ table, sort, hrefFor, month, items }: {
  table: Table; sort: RankingSort; hrefFor: (sort: RankingSort) => string; month: string; items: Map<string, WarningItem>;
}) {
  const rows = sortRanking(table.rows, sort, table.catalogue);
  const header = (column: string, label: string, className = "text-right") => {
    const active = sort.column === column;
    const dir = active ? (sort.dir === "asc" ? "desc" : "asc") : defaultDir(column, table.catalogue);
    return (
      <th scope="col" aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-1.5 py-2 align-bottom font-medium ${className}`}>
        <Link href={hrefFor({ column, dir })} className="hover:text-blue-800" title={`按${label}排序`}>
          {label}{active ? (sort.dir === "asc" ? " ↑" : " ↓") : ""}
        </Link>
      </th>
    );
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-xs">
        <caption className="sr-only">{table.level === "town" ? "镇街" : "区县"}综合排名及各项指标</caption>
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            {header("rank", "名次", "text-left")}
            <th scope="col" className="px-2 py-2 text-left font-medium">变化</th>
            {header("name", table.level === "town" ? "镇街" : "区县", "text-left")}
            {header("score", "综合得分")}
            {table.catalogue.map((i) => <Fragment key={i.code}>{header(i.code, i.name)}</Fragment>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <td className="px-2 py-1.5 tabular-nums">{row.rank ?? "—"}</td>
              <td className="whitespace-nowrap px-2 py-1.5"><RankDelta change={row.rankChange} /></td>
              <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-medium">
                <Link href={`/districts/${row.code}`} className="text-blue-800 hover:underline">{row.name}</Link>
                {row.parentName && <span className="ml-1 text-xs font-normal text-slate-500">{row.parentName}</span>}
              </th>
              <td className="whitespace-nowrap px-2 py-1.5 text-right font-semibold tabular-nums">{formatScore(row.score)}</td>
              {table.catalogue.map((i) => (
                <ValueCell key={i.code} value={row.cells[i.code]?.value ?? null} indicator={i} item={items.get(`${i.code}|${row.id}`)}
                  recordsHref={`/indicators/${i.code}?month=${month}&unit=${row.id}#records`} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
