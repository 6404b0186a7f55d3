import type { Drilldown } from "@/lib/indicators/drilldown";
import { Pager } from "@/components/ui/pager";

/** The records behind a number: a searchable, paged table whose state lives in the URL. */
export function DrilldownTable({ data, hrefFor, search, exportHref }: {
  data: Drilldown; hrefFor: (page: number) => string; search: { action: string; hidden: Record<string, string>; value: string }; exportHref: string;
}) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <form action={search.action} method="get" role="search" className="flex items-center gap-2">
          {Object.entries(search.hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
          <label className="sr-only" htmlFor="drilldown-q">按名称、代码或文号搜索</label>
          <input id="drilldown-q" name="q" defaultValue={search.value} placeholder="名称、代码或文号" className="w-56 rounded-md border border-slate-300 px-2 py-1 text-sm" />
          <button type="submit" className="rounded-md bg-blue-700 px-3 py-1 text-sm text-white">搜索</button>
        </form>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>{data.totalAtLeast ? `符合条件的超过 ${data.total.toLocaleString("zh-CN")} 条，请缩小搜索范围` : `共 ${data.total.toLocaleString("zh-CN")} 条`}</span>
          <a href={exportHref} className="no-print rounded-md border border-blue-700 px-3 py-1 text-blue-800 hover:bg-blue-50" download>下载Excel</a>
        </div>
      </div>
      {data.rows.length === 0 ? (
        <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-600">{search.value ? "没有符合搜索条件的记录。" : "本月该单位没有需要整改的记录。"}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{data.title}</caption>
            <thead className="bg-slate-50 text-xs text-slate-600">
              <tr>{data.columns.map((c) => <th key={c.key} scope="col" className="whitespace-nowrap px-2 py-2 text-left font-medium">{c.label}</th>)}</tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                <tr key={String(row.id ?? i)} className="border-t border-slate-100">
                  {data.columns.map((c) => <td key={c.key} className="px-2 py-1.5 align-top">{row[c.key] ?? "—"}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && <Pager page={data.page} pageCount={pages} hrefFor={hrefFor} />}
    </div>
  );
}
