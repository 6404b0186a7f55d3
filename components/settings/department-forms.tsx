"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { aliasAction, saveDepartmentAction } from "@/app/settings/departments/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

/** Adds a department (no `department`) or renames one. */
export function DepartmentForm({ department, submissionKey }: { department?: { id: number; code: string; name: string; shortName: string }; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveDepartmentAction, INITIAL_FORM_STATE);
  const v = (k: "code" | "name" | "shortName") => state.values[k] ?? department?.[k] ?? "";
  const label = department ? `修改${department.shortName}` : "新增部门";
  return (
    <form action={action} className="flex flex-wrap items-start gap-2 text-sm" aria-label={label}>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {department && <input type="hidden" name="id" value={department.id} />}
      <div key={state.seq} className="contents">
        <label className="flex flex-col gap-0.5 text-xs">代码<input name="code" defaultValue={v("code")} maxLength={40} className={`${INPUT} w-24 text-sm`} /><FieldError message={state.errors.code} /></label>
        <label className="flex flex-col gap-0.5 text-xs">全称<input name="name" defaultValue={v("name")} maxLength={60} className={`${INPUT} w-52 text-sm`} /><FieldError message={state.errors.name} /></label>
        <label className="flex flex-col gap-0.5 text-xs">简称<input name="shortName" defaultValue={v("shortName")} maxLength={30} className={`${INPUT} w-32 text-sm`} /><FieldError message={state.errors.shortName} /></label>
      </div>
      <div className="flex items-center gap-2 self-end pb-0.5">
        <button type="submit" disabled={pending} className={department ? "rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50" : BUTTON}>{department ? "保存" : "新增"}</button>
        <FormOutcome state={state} fields={["code", "name", "shortName"]} />
      </div>
    </form>
  );
}

/** A department's aliases: each removable, and one more added. */
export function AliasForm({ departmentId, shortName, aliases }: { departmentId: number; shortName: string; aliases: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(aliasAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5 text-xs" aria-label={`${shortName}的别名`}>
      <input type="hidden" name="departmentId" value={departmentId} />
      {aliases.map((a) => (
        <span key={a} className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5">
          {a}
          <button type="submit" name="intent" value="remove" formNoValidate disabled={pending} onClick={(e) => { (e.currentTarget.form!.elements.namedItem("alias") as HTMLInputElement).value = a; }}
            aria-label={`删除别名${a}`} className="text-red-700 hover:underline">×</button>
        </span>
      ))}
      <input key={state.seq} name="alias" defaultValue={state.values.alias ?? ""} maxLength={60} placeholder="新别名" aria-label={`${shortName}的新别名`} className={`${INPUT} w-28 py-0.5 text-xs`} />
      <button type="submit" name="intent" value="add" disabled={pending} className="rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-50">添加</button>
      <FormOutcome state={state} fields={[]} />
    </form>
  );
}
