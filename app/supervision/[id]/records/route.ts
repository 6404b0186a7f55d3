import { getDb } from "@/db";
import { refusalResponse } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { buildWorkbook, xlsxResponse } from "@/lib/exports";
import { dataStateLabel, MARK_LABELS } from "@/lib/supervision/labels";
import { getItem } from "@/lib/supervision/queries";
import { judgedItemRecords } from "@/lib/queries/supervision";

/** An item's attached records as Excel, for the department to work through, with what it has marked so far. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return refusalResponse(400, "督办事项编号应为数字");
  const db = getDb();
  const found = await getItem(db, viewer, Number(id), await loadWorkCalendar(db), todayInChina(), judgedItemRecords);
  if (found === null) return refusalResponse(404, "没有这个督办事项");
  if (found === "forbidden") return refusalResponse(403, "只能下载交给本单位的督办事项");
  const { item, columns, records } = found;
  const buffer = await buildWorkbook([{
    name: "所附记录", title: `督办事项 #${item.id}：${item.subject}（${item.month}）`, note: `期限：${item.deadline}；导出日期：${todayInChina()}`,
    columns: [{ key: "position", header: "序号", width: 6 }, ...columns.map((c) => ({ key: `c_${c.key}`, header: c.label })), { key: "mark", header: "整改情况" }, { key: "reason", header: "说明", width: 30 }, { key: "data", header: "数据核验", width: 20 }],
    rows: records.map((r) => ({
      position: r.position, ...Object.fromEntries(columns.map((c) => [`c_${c.key}`, r.data[c.key] ?? null])),
      mark: r.mark ? MARK_LABELS[r.mark] : "未标记", reason: r.markReason ?? "", data: dataStateLabel(r.dataState),
    })),
  }]);
  return xlsxResponse(buffer, `督办事项${item.id}所附记录.xlsx`);
}
