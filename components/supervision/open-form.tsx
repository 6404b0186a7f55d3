"use client";

import { useActionState } from "react";
import { openItemAction } from "@/app/supervision/new/actions";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { BUTTON, FieldError, FormOutcome, INPUT, type Option } from "@/components/settings/form-bits";

/** What the item is about: a value of a unit (indicator, unit, the warning it came from) or a work-plan task. */
export type OpenSubject = { indicatorCode: string; orgUnitId: number; warningKind: string | null } | { taskId: number };

export function OpenItemForm({ subject, month, departments, owners, ownersLabel, deadline }: {
  subject: OpenSubject; month: string; departments: Option[]; owners: number[]; ownersLabel: string; deadline: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(openItemAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="开具督办事项">
      {"taskId" in subject ? <input type="hidden" name="taskId" value={subject.taskId} /> : (
        <>
          <input type="hidden" name="indicatorCode" value={subject.indicatorCode} />
          <input type="hidden" name="orgUnitId" value={subject.orgUnitId} />
          <input type="hidden" name="warningKind" value={subject.warningKind ?? ""} />
        </>
      )}
      <input type="hidden" name="month" value={month} />
      <fieldset>
        <legend className="mb-1">责任单位（默认是{ownersLabel}）</legend>
        <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
          {departments.map((d) => (
            <label key={d.id} className="flex items-center gap-1.5">
              <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={owners.includes(d.id)} /> {d.name}
            </label>
          ))}
        </div>
        <FieldError message={state.errors.departmentIds} />
      </fieldset>
      <label className="flex w-48 flex-col gap-1">整改期限
        <input type="date" name="deadline" defaultValue={state.values.deadline ?? deadline} required className={INPUT} />
        <FieldError message={state.errors.deadline} />
      </label>
      <label className="flex flex-col gap-1">督办要求
        <textarea name="note" rows={3} maxLength={2000} defaultValue={state.values.note ?? ""} className={`${INPUT} w-full`} placeholder="如：逐条核实并更正所附记录，十个工作日内反馈" />
        <FieldError message={state.errors.note} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "开具中…" : "开具督办"}</button>
        <FormOutcome state={state} fields={["departmentIds", "deadline", "note"]} />
      </div>
    </form>
  );
}
