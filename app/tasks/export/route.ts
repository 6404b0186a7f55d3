import { routeViewer } from "@/lib/auth/route";
import { parseTaskFilters } from "@/lib/dashboard/task-params";
import { buildWorkbook, xlsxResponse } from "@/lib/exports";
import { todayInChina } from "@/lib/dates";
import { TASK_STATUS_LABELS } from "@/lib/plans/task-status";
import { getTaskTable } from "@/lib/queries/tasks";
import { deadlineKindNote } from "@/lib/workplan/types";

export async function GET(request: Request) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const filters = parseTaskFilters(Object.fromEntries(new URL(request.url).searchParams));
  const { tasks } = await getTaskTable(viewer, filters);
  const buffer = await buildWorkbook([{
    name: "任务分解表", title: "社会信用体系建设工作要点任务分解表", note: `导出日期：${todayInChina()}`,
    columns: [
      { key: "number", header: "序号", width: 6 }, { key: "section", header: "部分" }, { key: "title", header: "任务", width: 50 },
      { key: "leads", header: "牵头单位" }, { key: "units", header: "责任单位", width: 30 }, { key: "targets", header: "目标", width: 30 },
      { key: "deadline", header: "期限", width: 12 }, { key: "deadlineNote", header: "期限说明", width: 18 }, { key: "status", header: "状态", width: 14 }, { key: "latest", header: "最新进展", width: 40 },
    ],
    rows: tasks.map((t) => ({
      number: t.number, section: t.section, title: t.title, leads: t.leads.map((u) => u.name).join("、"),
      units: t.units.map((u) => u.name).join("、"), targets: t.targets.map((x) => x.text).join("；"),
      deadline: t.deadline, deadlineNote: deadlineKindNote(t.deadlineKind, t.deadlineText) ?? "", status: TASK_STATUS_LABELS[t.status],
      latest: t.reports[0] ? `${t.reports[0].reportedOn} ${t.reports[0].departmentName}：${t.reports[0].note}` : "",
    })),
  }]);
  return xlsxResponse(buffer, `工作要点任务分解表${todayInChina()}.xlsx`);
}
