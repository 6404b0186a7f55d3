"use client";

import { useActionState } from "react";
import { fillMonthlyAction } from "@/app/data/actions";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { BUTTON, FieldError, FormOutcome, INPUT, type Option } from "@/components/settings/form-bits";

const KINDS = [["license", "行政许可"], ["penalty", "行政处罚"]] as const;
const COUNTS = [["decisions", "作出决定数"], ["publishedOwnSite", "本单位网站公示数"], ["reported", "已上报数"], ["notReported", "未上报数"]] as const;

/** The monthly 双公示情况表, filled on screen: both kinds for one month, city-wide. */
export function MonthlyForm({ month, departments, ownDepartment, submissionKey }: { month: string; departments: Option[]; ownDepartment: string | null; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(fillMonthlyAction, INITIAL_FORM_STATE);
  const v = (name: string, fallback = "") => state.values[name] ?? fallback;
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="填报双公示情况表">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col gap-1">月份
            <input type="month" name="month" defaultValue={v("month", month)} required className={INPUT} />
            <FieldError message={state.errors.month} />
          </label>
          {ownDepartment ? <p className="pb-1 text-slate-600">填报部门：{ownDepartment}</p> : (
            <label className="flex flex-col gap-1">填报部门
              <select name="departmentId" defaultValue={v("departmentId")} className={INPUT}>
                <option value="">请选择</option>
                {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
              <FieldError message={state.errors.departmentId} />
            </label>
          )}
        </div>
        <table className="text-sm">
          <thead className="text-xs text-slate-500">
            <tr><th scope="col" className="px-2 py-1 text-left font-medium">类别</th>{COUNTS.map(([, label]) => <th key={label} scope="col" className="px-2 py-1 text-left font-medium">{label}</th>)}<th scope="col" className="px-2 py-1 text-left font-medium">未上报的法定依据</th></tr>
          </thead>
          <tbody>
            {KINDS.map(([kind, label]) => (
              <tr key={kind} className="align-top">
                <th scope="row" className="px-2 py-1 text-left font-normal">{label}</th>
                {COUNTS.map(([field, name]) => (
                  <td key={field} className="px-2 py-1">
                    <input name={`${kind}.${field}`} aria-label={`${label}${name}`} inputMode="numeric" defaultValue={v(`${kind}.${field}`)} required={field === "decisions"} className={`${INPUT} w-24`} />
                    <FieldError message={state.errors[`${kind}.${field}`]} />
                  </td>
                ))}
                <td className="px-2 py-1">
                  <input name={`${kind}.notReportedGrounds`} aria-label={`${label}未上报的法定依据`} defaultValue={v(`${kind}.notReportedGrounds`)} maxLength={2000} className={`${INPUT} w-72`} />
                  <FieldError message={state.errors[kind] ?? state.errors[`${kind}.notReportedGrounds`]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "保存中…" : "保存情况表"}</button>
        <FormOutcome state={state} fields={["month", "departmentId", "license", "penalty", ...KINDS.flatMap(([k]) => COUNTS.map(([f]) => `${k}.${f}`))]} />
      </div>
    </form>
  );
}
