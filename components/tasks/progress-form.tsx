"use client";

import { useActionState } from "react";
import { submitProgress, type ProgressFormState } from "@/app/tasks/[id]/actions";
import { TASK_STATUS_LABELS } from "@/lib/plans/task-status";

const STATUSES = ["not_started", "in_progress", "done"] as const;

/** A responsible department reports its progress; mistakes come back beside the field, in Chinese. */
export function ProgressForm({ taskId, units, today, submissionKey }: { taskId: number; units: { id: number; name: string }[]; today: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<ProgressFormState, FormData>(submitProgress, { ok: false, errors: {} });
  const error = (field: string) => state.errors[field] && <p className="mt-1 text-xs text-red-700" role="alert">{state.errors[field]}</p>;
  return (
    <form action={action} className="grid gap-3 text-sm sm:grid-cols-2" aria-label="报送进展">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <label className="flex flex-col gap-1">报送部门
        <select name="departmentId" defaultValue={units.length === 1 ? units[0]!.id : ""} className="rounded border border-slate-300 px-2 py-1">
          {units.length > 1 && <option value="">请选择</option>}
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        {error("departmentId")}
      </label>
      <label className="flex flex-col gap-1">进展状态
        <select name="status" defaultValue="in_progress" className="rounded border border-slate-300 px-2 py-1">
          {STATUSES.map((s) => <option key={s} value={s}>{TASK_STATUS_LABELS[s]}</option>)}
        </select>
        {error("status")}
      </label>
      <label className="flex flex-col gap-1 sm:col-span-2">进展说明
        <textarea name="note" rows={3} className="rounded border border-slate-300 px-2 py-1" placeholder="已完成的工作、整改情况、存在的困难" />
        {error("note")}
      </label>
      <label className="flex flex-col gap-1">报送日期
        <input type="date" name="reportedOn" defaultValue={today} className="rounded border border-slate-300 px-2 py-1" />
        {error("reportedOn")}
      </label>
      <div className="flex items-end gap-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-1.5 text-white disabled:opacity-50">{pending ? "提交中…" : "提交进展"}</button>
        {state.message && <span role="status" className="text-green-700">{state.message}</span>}
        {state.errors.form && <span role="alert" className="text-red-700">{state.errors.form}</span>}
      </div>
    </form>
  );
}
