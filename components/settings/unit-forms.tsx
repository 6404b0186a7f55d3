"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { retireUnitAction, saveUnitAction } from "@/app/settings/units/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

interface Unit { id: number; code: string; name: string; level: "district" | "town"; districtKind: string | null; parentId: number | null; retiredFrom: string | null }

/** Adds a district, 功能区 or town (no `unit`), or renames one and corrects its division code. */
export function UnitForm({ unit, districts, submissionKey }: { unit?: Unit; districts: { id: number; name: string }[]; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveUnitAction, INITIAL_FORM_STATE);
  const v = (k: string, fallback: string) => state.values[k] ?? fallback;
  return (
    <form action={action} className="flex flex-wrap items-start gap-2 text-sm" aria-label={unit ? `修改${unit.name}` : "新增区县或镇街"}>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {unit && <input type="hidden" name="id" value={unit.id} />}
      {unit && <input type="hidden" name="level" value={unit.level} />}
      <div key={state.seq} className="contents">
        {!unit && (
          <label className="flex flex-col gap-0.5 text-xs">层级
            <select name="level" defaultValue={v("level", "district")} className={`${INPUT} text-sm`}><option value="district">区县</option><option value="town">镇街</option></select>
          </label>
        )}
        <label className="flex flex-col gap-0.5 text-xs">区划代码<input name="code" defaultValue={v("code", unit?.code ?? "")} maxLength={9} className={`${INPUT} w-24 text-sm`} /><FieldError message={state.errors.code} /></label>
        <label className="flex flex-col gap-0.5 text-xs">名称<input name="name" defaultValue={v("name", unit?.name ?? "")} maxLength={30} className={`${INPUT} w-32 text-sm`} /><FieldError message={state.errors.name} /></label>
        {(!unit || unit.level === "district") && (
          <label className="flex flex-col gap-0.5 text-xs">类型
            <select name="districtKind" defaultValue={v("districtKind", unit?.districtKind ?? "administrative")} className={`${INPUT} text-sm`}><option value="administrative">行政区</option><option value="functional">功能区</option></select>
          </label>
        )}
        {(!unit || unit.level === "town") && (
          <label className="flex flex-col gap-0.5 text-xs">所属区县（镇街）
            <select name="parentId" defaultValue={v("parentId", String(unit?.parentId ?? ""))} className={`${INPUT} text-sm`}>
              <option value="">—</option>
              {districts.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <FieldError message={state.errors.parentId} />
          </label>
        )}
      </div>
      <div className="flex items-center gap-2 self-end pb-0.5">
        <button type="submit" disabled={pending} className={unit ? "rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50" : BUTTON}>{unit ? "保存" : "新增"}</button>
        <FormOutcome state={state} fields={["code", "name", "parentId"]} />
      </div>
    </form>
  );
}

/** The month a unit stops existing (merged, abolished); cleared, it counts again. */
export function RetireForm({ unit }: { unit: Unit }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retireUnitAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-xs" aria-label={`撤销${unit.name}`}>
      <input type="hidden" name="id" value={unit.id} />
      <input type="hidden" name="was" value={unit.retiredFrom ?? ""} />
      <label className="flex items-center gap-1">自<input key={state.seq} name="retiredFrom" type="month" defaultValue={state.values.retiredFrom ?? unit.retiredFrom ?? ""} className={`${INPUT} py-0.5 text-xs`} />起撤销</label>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-1.5 py-0.5 hover:bg-slate-50">{pending ? "计算中…" : "保存"}</button>
      <FormOutcome state={state} fields={[]} />
    </form>
  );
}
