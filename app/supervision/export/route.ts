import { getDb } from "@/db";
import { routeViewer } from "@/lib/auth/route";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { buildWorkbook, xlsxResponse } from "@/lib/exports";
import { daysToClose, filterItems, parseItemFilters } from "@/lib/supervision/filters";
import { LIGHT_LABELS } from "@/lib/supervision/deadline";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import { listItems } from "@/lib/supervision/queries";
import { VERDICT_LABELS } from "@/lib/supervision/verdicts";

/** The 督办 list as the viewer sees it, with the page's filters, as Excel. */
export async function GET(request: Request) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const db = getDb();
  const filters = parseItemFilters(Object.fromEntries(new URL(request.url).searchParams));
  const items = filterItems(await listItems(db, viewer, await loadWorkCalendar(db), todayInChina()), filters);
  const buffer = await buildWorkbook([{
    name: "督办事项", title: "督办事项清单", note: `导出日期：${todayInChina()}`,
    columns: [
      { key: "id", header: "编号", width: 8 }, { key: "indicator", header: "指标", width: 24 }, { key: "unit", header: "单位" }, { key: "month", header: "月份", width: 10 },
      { key: "departments", header: "责任单位", width: 30 }, { key: "deadline", header: "期限", width: 12 }, { key: "status", header: "状态" }, { key: "light", header: "进度" },
      { key: "then", header: "开具时的值", format: "decimal2" }, { key: "now", header: "最新的值", format: "decimal2" }, { key: "verdict", header: "成效" },
      { key: "days", header: "办结用时（天）", format: "integer" }, { key: "feedback", header: "整改反馈", width: 40 },
    ],
    rows: items.map((i) => ({
      id: i.id, indicator: i.taskId !== null ? i.subject : i.indicatorName, unit: i.unitName, month: i.month, departments: i.departments.map((d) => d.name).join("、"),
      deadline: i.deadline, status: STATUS_LABELS[i.status], light: i.light ? LIGHT_LABELS[i.light] : "", then: i.valueAtCreation, now: i.valueNow,
      verdict: i.verdict ? VERDICT_LABELS[i.verdict] : "", days: daysToClose(i), feedback: i.feedback ?? "",
    })),
  }]);
  return xlsxResponse(buffer, `督办事项${todayInChina()}.xlsx`);
}
