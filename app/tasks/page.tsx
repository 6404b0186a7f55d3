import { SupervisionMark } from "@/components/supervision/supervision-mark";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/tasks/status-badge";
import { TargetList } from "@/components/tasks/target-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/request";
import { parseTaskFilters } from "@/lib/dashboard/task-params";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "@/lib/plans/task-status";
import { getDepartmentList, getTaskTable } from "@/lib/queries/tasks";
import { getTaskItems } from "@/lib/queries/supervision";
import { deadlineKindNote } from "@/lib/workplan/types";

export const metadata: Metadata = { title: "任务" };

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const raw = await searchParams;
  const filters = parseTaskFilters(raw);
  const [{ tasks, all }, departments, items] = await Promise.all([
    getTaskTable(viewer, filters), getDepartmentList(), getTaskItems(),
  ]);
  const sections = [...new Set(all.map((t) => t.section))];
  const yearNotices = [...new Set(all.map((t) => t.yearNotice).filter((n) => n !== null))];
  const query = new URLSearchParams(Object.entries({ department: filters.departmentId, section: filters.section, status: filters.status })
    .filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">任务</h1>
          <p className="mt-1 text-sm text-slate-500">工作要点任务分解：牵头和责任单位、目标、期限与进展</p>
        </div>
        <div className="no-print flex gap-2">
          {viewer.role === "office" && <Link href="/plans/new" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm text-white">载入工作要点</Link>}
          {all.length > 0 && <a href={`/tasks/export?${query}`} className="rounded-md border border-blue-700 px-3 py-1.5 text-sm text-blue-800" download>下载Excel</a>}
        </div>
      </div>
      {all.length === 0 ? (
        <EmptyState title="尚未载入工作要点">
          <p>点击“载入工作要点”，粘贴或上传本年度社会信用体系建设工作要点的全文，系统会读出各项任务、责任单位、目标和期限。</p>
        </EmptyState>
      ) : (
        <>
          <form method="get" className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="筛选任务">
            <label className="flex flex-col gap-1">部门
              <select name="department" defaultValue={filters.departmentId ?? ""} className="rounded border border-slate-300 px-2 py-1">
                <option value="">全部部门</option>
                {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1">部分
              <select name="section" defaultValue={filters.section ?? ""} className="max-w-64 rounded border border-slate-300 px-2 py-1">
                <option value="">全部</option>
                {sections.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </label>
            <label className="flex flex-col gap-1">状态
              <select name="status" defaultValue={filters.status ?? ""} className="rounded border border-slate-300 px-2 py-1">
                <option value="">全部状态</option>
                {TASK_STATUSES.map((s) => <option key={s} value={s}>{TASK_STATUS_LABELS[s]}</option>)}
              </select>
            </label>
            <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white">筛选</button>
            <span className="text-slate-500">共 {tasks.length} 项（全部 {all.length} 项）</span>
          </form>
          {yearNotices.map((n) => <p key={n} role="note" aria-label="年度提示" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{n}</p>)}
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">工作要点任务表</caption>
              <thead className="bg-slate-50 text-xs text-slate-600">
                <tr>
                  {["序号", "任务", "牵头单位", "责任单位", "目标（现值）", "期限", "状态", "督办"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}
                </tr>
              </thead>
              <tbody>
                {tasks.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-2 tabular-nums text-slate-500">{t.number}</td>
                    <th scope="row" className="max-w-md px-2 py-2 text-left font-normal">
                      <Link href={`/tasks/${t.id}`} className="text-blue-800 hover:underline">{t.title}</Link>
                      <div className="text-xs text-slate-500">{t.section}</div>
                    </th>
                    <td className="px-2 py-2 text-xs">{t.leads.map((u) => u.name).join("、") || "—"}</td>
                    <td className="px-2 py-2 text-xs">{t.units.map((u) => u.name).join("、") || "—"}</td>
                    <td className="px-2 py-2 text-xs"><TargetList targets={t.targets} /></td>
                    <td className="whitespace-nowrap px-2 py-2 text-xs tabular-nums">
                      {t.deadline ?? "—"}
                      {deadlineKindNote(t.deadlineKind, t.deadlineText) && <div className="text-slate-500">{deadlineKindNote(t.deadlineKind, t.deadlineText)}</div>}
                    </td>
                    <td className="px-2 py-2"><StatusBadge status={t.status} /></td>
                    <td className="px-2 py-2">
                      {items.get(t.id) ? <SupervisionMark item={items.get(t.id)} />
                        : viewer.role === "office" && (t.status === "overdue" || t.status === "off_track") && (
                          <Link href={`/supervision/new?task=${t.id}`} className="whitespace-nowrap text-xs text-blue-800 hover:underline" aria-label={`督办任务${t.number}`}>督办</Link>
                        )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
