import { TASK_STATUS_LABELS, type TaskStatus } from "@/lib/plans/task-status";

const STYLE: Record<TaskStatus, string> = {
  not_started: "bg-slate-100 text-slate-700",
  in_progress: "bg-blue-50 text-blue-800",
  done: "bg-green-50 text-green-800",
  met: "bg-emerald-50 text-emerald-800",
  overdue: "bg-red-50 text-red-800",
  off_track: "bg-purple-50 text-purple-800",
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>{TASK_STATUS_LABELS[status]}</span>;
}
