import type { Metadata } from "next";
import { ItemTable } from "@/components/supervision/item-table";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/request";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { countsByDepartment, listItems } from "@/lib/supervision/queries";

export const metadata: Metadata = { title: "督办" };

export default async function SupervisionPage() {
  const viewer = await requireViewer();
  const db = getDb();
  const calendar = await loadWorkCalendar(db);
  const [items, counts] = await Promise.all([listItems(db, viewer, calendar, todayInChina()), viewer.role === "office" || viewer.role === "leader" ? countsByDepartment(db) : []]);
  const open = items.filter((i) => i.status !== "accepted");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">督办</h1>
        <p className="mt-1 text-sm text-slate-500">
          {viewer.role === "office" ? "从预警或指标值开具的督办事项：责任单位签收、逐条标记记录、提交整改反馈，信用办办结或退回。" : "交给本单位的督办事项：签收后逐条标记所附记录，写明整改情况后提交。"}
          逾期的排在最前。
        </p>
      </div>
      {counts.length > 0 && (
        <Panel title="各责任单位未办结事项">
          <p className="text-sm">{counts.map((c) => `${c.name} ${c.open}件`).join("，")}</p>
        </Panel>
      )}
      <Panel title={`督办事项（未办结 ${open.length} 件，共 ${items.length} 件）`}>
        {items.length === 0 ? <p className="text-sm text-slate-500">暂无督办事项。{viewer.role === "office" ? "在总览的红色、黄色预警旁点“督办”即可开具。" : ""}</p> : (
          <ItemTable items={items} caption="督办事项" />
        )}
      </Panel>
    </div>
  );
}
