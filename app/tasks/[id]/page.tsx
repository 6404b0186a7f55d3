import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { forbidden, notFound } from "next/navigation";
import { ProgressForm } from "@/components/tasks/progress-form";
import { StatusBadge } from "@/components/tasks/status-badge";
import { TargetList } from "@/components/tasks/target-list";
import { SupervisionMark } from "@/components/supervision/supervision-mark";
import { Panel } from "@/components/ui/panel";
import { requireViewer } from "@/lib/auth/request";
import { canSeeDepartment } from "@/lib/auth/scope";
import { todayInChina } from "@/lib/dates";
import { TASK_STATUS_LABELS } from "@/lib/plans/task-status";
import { getTask, reportingUnitsOf } from "@/lib/queries/tasks";
import { getTaskItems } from "@/lib/queries/supervision";

export const metadata: Metadata = { title: "任务详情" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const raw = (await params).id;
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : 0;
  const task = id > 0 ? await getTask(viewer, id) : null;
  if (!task) notFound();
  if (task === "forbidden") forbidden();
  const owners = [...new Map([...task.leads, ...task.units].map((u) => [u.id, u])).values()];
  const reportAs = await reportingUnitsOf(viewer, task);
  const item = (await getTaskItems()).get(task.id);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-500"><Link href="/tasks" className="text-blue-800 hover:underline">任务</Link> · {task.planTitle} · {task.section}</p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-xl font-semibold">第{task.number}项：{task.title} <StatusBadge status={task.status} /></h1>
        {/* The office hands a lagging task to its departments as a 督办 item; once it is one, its state shows. */}
        {item ? (
          <p className="mt-1 text-sm"><SupervisionMark item={item} /></p>
        ) : viewer.role === "office" && (
          <p className="mt-1 text-sm"><Link href={`/supervision/new?task=${task.id}`} className="text-blue-800 hover:underline">督办此任务</Link></p>
        )}
      </div>
      <Panel title="任务内容">
        <p className="whitespace-pre-wrap text-sm leading-7">{task.text}</p>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">牵头单位</dt><dd>{task.leads.map((u) => u.name).join("、") || "—"}</dd></div>
          <div><dt className="text-slate-500">责任单位</dt><dd>{task.units.map((u) => u.name).join("、") || "—"}</dd></div>
          <div><dt className="text-slate-500">完成期限</dt><dd>{task.deadline ?? "未规定"}</dd></div>
        </dl>
      </Panel>
      <Panel title="目标与当前值（全市）"><div className="text-sm"><TargetList targets={task.targets} /></div></Panel>
      <Panel title="各单位进展">
        <table className="w-full text-sm">
          <caption className="sr-only">各单位最新进展</caption>
          <thead className="text-xs text-slate-500"><tr><th scope="col" className="py-1 text-left font-medium">单位</th><th scope="col" className="py-1 text-left font-medium">最新状态</th><th scope="col" className="py-1 text-left font-medium">说明</th><th scope="col" className="py-1 text-left font-medium">报送日期</th></tr></thead>
          <tbody>
            {owners.map((u) => {
              const latest = task.reports.find((r) => r.departmentId === u.id);
              return (
                <tr key={u.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1 text-left font-normal">{canSeeDepartment(viewer, u.id) ? <Link href={`/departments/${u.id}`} className="text-blue-800 hover:underline">{u.name}</Link> : u.name}</th>
                  <td className="py-1">{latest ? TASK_STATUS_LABELS[latest.status] : "未报送"}</td>
                  <td className="py-1 text-slate-700">{latest?.note || "—"}</td>
                  <td className="py-1 tabular-nums">{latest?.reportedOn ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Panel>
      {reportAs.length > 0 && <Panel title="报送进展"><ProgressForm taskId={task.id} units={reportAs} today={todayInChina()} submissionKey={randomUUID()} /></Panel>}
      <Panel title={`进展记录（${task.reports.length}）`}>
        {task.reports.length === 0 ? <p className="text-sm text-slate-500">尚无进展记录。</p> : (
          <ol className="space-y-2 text-sm">
            {task.reports.map((r) => (
              <li key={r.id} className="border-l-2 border-blue-200 pl-3">
                <span className="tabular-nums text-slate-500">{r.reportedOn}</span> <span className="font-medium">{r.departmentName}</span>：{TASK_STATUS_LABELS[r.status]}
                {r.note && <p className="text-slate-700">{r.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
