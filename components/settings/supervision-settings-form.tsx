"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { saveSupervisionSettingsAction } from "@/app/settings/supervision/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

export interface IndicatorChoice { code: string; name: string; owners: string }

export function SupervisionSettingsForm({ indicators, defaultWorkingDays, autoOpen, submissionKey }: {
  indicators: IndicatorChoice[]; defaultWorkingDays: number; autoOpen: string[]; submissionKey: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSupervisionSettingsAction, INITIAL_FORM_STATE);
  const checked = state.values.autoOpen !== undefined ? state.values.autoOpen.split(",") : autoOpen;
  return (
    <form action={action} className="space-y-4 text-sm" aria-label="督办设置">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="space-y-4">
        <label className="flex items-center gap-2">默认期限
          <input name="defaultWorkingDays" type="number" min={1} max={60} defaultValue={state.values.defaultWorkingDays ?? defaultWorkingDays} className={`${INPUT} w-20`} />
          个工作日（按调休日历计算）
          <FieldError message={state.errors.defaultWorkingDays} />
        </label>
        <fieldset>
          <legend className="mb-2">出现新的红色预警时自动开具督办（市级和区县的值；交给指标的责任单位，期限为默认期限）</legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {indicators.map((i) => (
              <li key={i.code}>
                <label className="flex items-start gap-2">
                  <input type="checkbox" name="autoOpen" value={i.code} defaultChecked={checked.includes(i.code)} className="mt-0.5" />
                  <span>{i.name}<span className="ml-1 text-xs text-slate-500">{i.owners || "未设责任单位，不会自动开具"}</span></span>
                </label>
              </li>
            ))}
          </ul>
          <FieldError message={state.errors.autoOpen} />
        </fieldset>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>保存</button>
        <FormOutcome state={state} fields={["defaultWorkingDays", "autoOpen"]} />
      </div>
    </form>
  );
}
