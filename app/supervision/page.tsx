import type { Metadata } from "next";
import { ItemTable } from "@/components/supervision/item-table";
import { Pager } from "@/components/ui/pager";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/request";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { LIGHT_LABELS } from "@/lib/supervision/deadline";
import { filterItems, parseItemFilters } from "@/lib/supervision/filters";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import { countsByDepartment, filterChoices, listItems } from "@/lib/supervision/queries";
import { getDepartmentChoices } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "督办" };

const SELECT = "rounded border border-slate-300 px-2 py-1";
// A city's office may have hundreds of items open; the list shows them 50 at a time, overdue first.
const PAGE_SIZE = 50;

export default async function SupervisionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const db = getDb();
  const raw = await searchParams;
  const filters = parseItemFilters(raw);
  const calendar = await loadWorkCalendar(db);
  const [all, counts, departments, { districts, catalogue }] = await Promise.all([
    listItems(db, viewer, calendar, todayInChina()),
    viewer.role === "office" || viewer.role === "leader" ? countsByDepartment(db) : [],
    getDepartmentChoices(),
    filterChoices(db),
  ]);
  const items = filterItems(all, filters);
  const open = items.filter((i) => i.status !== "accepted");
  const params = Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "page");
  const query = new URLSearchParams(params).toString();
  const pageCount = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const requested = Number(raw.page);
  const page = Number.isSafeInteger(requested) && requested > 1 ? Math.min(requested, pageCount) : 1;
  const shown = items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const hrefFor = (n: number) => `/supervision?${new URLSearchParams([...params, ["page", String(n)]]).toString()}`;
  const select = (name: string, label: string, value: string | number | undefined, options: [string | number, string][]) => (
    <label className="flex flex-col gap-1 text-sm">{label}
      <select name={name} defaultValue={value ?? ""} className={SELECT}>
        <option value="">全部</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">督办</h1>
        <p className="mt-1 text-sm text-slate-500">
          {viewer.role === "office" ? "从预警开具的督办事项：责任单位签收、逐条标记所附记录、提交整改反馈，信用办办结或退回；每次计算后看整改成效。" : "交给本单位的督办事项：签收后逐条标记所附记录，写明整改情况后提交。"}
          逾期的排在最前。
        </p>
      </div>
      {counts.length > 0 && (
        <Panel title="各责任单位未办结事项">
          <p className="text-sm">{counts.map((c) => `${c.name} ${c.open}件`).join("，")}</p>
        </Panel>
      )}
      <Panel title={`督办事项（未办结 ${open.length} 件，共 ${items.length} 件）`} actions={<a href={`/supervision/export${query ? `?${query}` : ""}`} className="text-sm text-blue-800 hover:underline">下载 Excel</a>}>
        <form className="mb-3 flex flex-wrap items-end gap-3" aria-label="筛选督办事项">
          {select("department", "责任单位", filters.department, departments.map((d) => [d.id, d.name]))}
          {select("district", "区县", filters.district, districts.map((d) => [d.id, d.name]))}
          {select("indicator", "指标", filters.indicator, catalogue.map((c) => [c.code, c.name]))}
          {select("status", "状态", filters.status, Object.entries(STATUS_LABELS))}
          {select("light", "进度", filters.light, Object.entries(LIGHT_LABELS))}
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">筛选</button>
        </form>
        {items.length === 0 ? <p className="text-sm text-slate-500">暂无督办事项。{viewer.role === "office" ? "在总览的预警旁点“督办”即可开具。" : ""}</p>
          : <><ItemTable items={shown} caption="督办事项" />{pageCount > 1 && <Pager page={page} pageCount={pageCount} hrefFor={hrefFor} />}</>}
      </Panel>
    </div>
  );
}
