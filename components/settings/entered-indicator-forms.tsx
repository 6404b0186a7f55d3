"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { addEnteredIndicatorAction, saveEnteredValuesAction } from "@/app/settings/catalogue/actions";
import { BUTTON, FieldError, FormOutcome, INPUT, SelectField } from "./form-bits";

const UNITS = [{ value: "percent", label: "%（百分比）" }, { value: "count", label: "个（件数）" }, { value: "per_ten_thousand", label: "‱（万分之一）" }];
const DIRECTIONS = [{ value: "higher", label: "越高越好" }, { value: "lower", label: "越低越好" }];
const FIELDS = ["name", "category", "formula", "unit", "direction", "target", "redLine", "zeroPoint", "weight", "owners", "effectiveFrom"] as const;

/** The office adds an indicator whose values it enters itself (信用承诺覆盖率, 典型案例报送数…). */
export function AddEnteredIndicatorForm({ effectiveFrom, submissionKey }: { effectiveFrom: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addEnteredIndicatorAction, INITIAL_FORM_STATE);
  const v = state.values;
  const text = (name: (typeof FIELDS)[number], label: string, { defaultValue = "", className = "", ...props }: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col gap-1">{label}
      <input name={name} {...props} defaultValue={v[name] ?? defaultValue} className={`${INPUT} ${className}`} />
      <FieldError message={state.errors[name]} />
    </label>
  );
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="新增人工填报指标">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="contents">
        <div className="flex flex-wrap items-start gap-3">
          {text("name", "指标名称", { required: true, maxLength: 40, placeholder: "如：信用承诺覆盖率", className: "w-56" })}
          {text("category", "类别", { required: true, maxLength: 20, placeholder: "如：信用承诺", className: "w-32" })}
          <SelectField label="单位" name="unit" value={v.unit ?? "percent"} options={UNITS} required error={state.errors.unit} />
          <SelectField label="方向" name="direction" value={v.direction ?? "higher"} options={DIRECTIONS} required error={state.errors.direction} />
        </div>
        <label className="flex flex-col gap-1">口径（数值如何得出、由谁报送）
          <textarea name="formula" required maxLength={300} rows={2} defaultValue={v.formula ?? ""} className={INPUT} placeholder="如：作出信用承诺的办理事项数 ÷ 应承诺事项数，各区县每月报送" />
          <FieldError message={state.errors.formula} />
        </label>
        <div className="flex flex-wrap items-start gap-3">
          {text("target", "目标值", { required: true, inputMode: "decimal", className: "w-24" })}
          {text("redLine", "红线", { required: true, inputMode: "decimal", className: "w-24" })}
          {text("zeroPoint", "零分点", { required: true, inputMode: "decimal", className: "w-24" })}
          {text("weight", "权重", { required: true, inputMode: "decimal", defaultValue: "5", className: "w-20" })}
          {text("owners", "责任单位（用顿号分隔）", { maxLength: 500, placeholder: "如：市发改委、市市场监管局", className: "w-72" })}
          <label className="flex flex-col gap-1">执行起始月
            <input name="effectiveFrom" type="month" required defaultValue={v.effectiveFrom ?? effectiveFrom} className={INPUT} />
            <FieldError message={state.errors.effectiveFrom} />
          </label>
          <label className="flex items-center gap-1 self-end pb-1.5">
            <input type="checkbox" name="inComposite" defaultChecked={v.inComposite !== "off"} />计入综合得分
          </label>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>新增指标</button>
        <FormOutcome state={state} fields={FIELDS} />
      </div>
    </form>
  );
}

export interface EnteredValueRow { orgUnitId: number; name: string; level: string; value: string; enteredBy: string | null; enteredAt: string | null }

/** One month's values of an entered indicator, one input per unit; an emptied input clears its value. */
export function EnteredValuesForm({ indicatorCode, month, unitLabel, rows, submissionKey }: {
  indicatorCode: string; month: string; unitLabel: string; rows: EnteredValueRow[]; submissionKey: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveEnteredValuesAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="space-y-3 text-sm" aria-label={`填报${month}数值`}>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="indicatorCode" value={indicatorCode} />
      <input type="hidden" name="month" value={month} />
      <table className="w-full max-w-3xl text-sm">
        <caption className="sr-only">{month}各单位数值</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>{["单位", `数值（${unitLabel}）`, "填报人", "填报时间"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr>
        </thead>
        <tbody key={state.seq}>
          {rows.map((r) => (
            <tr key={r.orgUnitId} className="border-t border-slate-100">
              <th scope="row" className={`px-2 py-1.5 text-left font-normal ${r.level === "city" ? "font-medium" : ""}`}>
                <input type="hidden" name="unit" value={r.orgUnitId} />{r.name}
              </th>
              <td className="px-2 py-1">
                <input name={`value.${r.orgUnitId}`} aria-label={`${r.name}数值`} inputMode="decimal" defaultValue={state.values[`value.${r.orgUnitId}`] ?? r.value}
                  placeholder="未填报" className={`${INPUT} w-28 tabular-nums`} />
                <FieldError message={state.errors[`value.${r.orgUnitId}`]} />
              </td>
              <td className="px-2 py-1.5 text-slate-600">{r.enteredBy ?? ""}</td>
              <td className="px-2 py-1.5 tabular-nums text-slate-600">{r.enteredAt ? r.enteredAt.slice(0, 16).replace("T", " ") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>保存并重新计算</button>
        <FormOutcome state={state} fields={rows.map((r) => `value.${r.orgUnitId}`)} />
      </div>
    </form>
  );
}
