"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { saveCatalogueAction } from "@/app/settings/catalogue/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

export interface CatalogueRow {
  code: string; name: string; unitLabel: string; direction: "higher" | "lower";
  target: number; redLine: number; zeroPoint: number; weight: number; owners: string; inComposite: boolean;
}

/** Every indicator's rules on one form, saved together as a version in force from the month chosen. */
export function CatalogueForm({ rows, effectiveFrom, submissionKey }: { rows: CatalogueRow[]; effectiveFrom: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveCatalogueAction, INITIAL_FORM_STATE);
  const v = (key: string, fallback: string | number) => state.values[key] ?? String(fallback);
  const cell = "px-1.5 py-1";
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="指标目录">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="space-y-3">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">各指标的目标值、红线、零分点、权重和责任单位</caption>
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>{["指标", "方向", "目标值", "红线", "零分点", "权重", "计入综合", "责任单位（用、分隔）"].map((h) => <th key={h} scope="col" className={`${cell} text-left font-medium`}>{h}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.code} className="border-t border-slate-100 align-top">
                  <th scope="row" className={`${cell} text-left font-normal`}>
                    <input type="hidden" name="code" value={r.code} />{r.name}<div className="text-xs text-slate-500">{r.unitLabel}</div>
                    <FieldError message={state.errors[`target.${r.code}`] ?? state.errors[`owners.${r.code}`]} />
                  </th>
                  <td className={`${cell} whitespace-nowrap text-xs`}>{r.direction === "higher" ? "越高越好" : "越低越好"}</td>
                  {(["target", "redLine", "zeroPoint", "weight"] as const).map((f) => (
                    <td key={f} className={cell}>
                      <input name={`${f}.${r.code}`} type="number" step="any" required defaultValue={v(`${f}.${r.code}`, r[f])} aria-label={`${r.name}${{ target: "目标值", redLine: "红线", zeroPoint: "零分点", weight: "权重" }[f]}`} className={`${INPUT} w-20`} />
                    </td>
                  ))}
                  <td className={cell}>
                    <input name={`inComposite.${r.code}`} type="checkbox" defaultChecked={state.values[`inComposite.${r.code}`] !== undefined ? state.values[`inComposite.${r.code}`] === "on" : r.inComposite} aria-label={`${r.name}计入综合得分`} />
                  </td>
                  <td className={cell}>
                    <input name={`owners.${r.code}`} defaultValue={v(`owners.${r.code}`, r.owners)} maxLength={500} aria-label={`${r.name}责任单位`} className={`${INPUT} w-64`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FieldError message={state.errors.entries} />
        <div className="flex flex-wrap items-start gap-4">
          <label className="flex flex-col gap-1">自哪个月起执行
            <input name="effectiveFrom" type="month" required defaultValue={v("effectiveFrom", effectiveFrom)} className={INPUT} />
            <FieldError message={state.errors.effectiveFrom} />
          </label>
          <label className="flex flex-col gap-1">修改说明
            <input name="note" maxLength={500} defaultValue={v("note", "")} placeholder="如：按2027年全国监测指标调整权重" className={`${INPUT} w-96`} />
          </label>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "保存并重新计算中…" : "保存为新版本"}</button>
        <FormOutcome state={state} fields={["entries", "effectiveFrom", ...rows.flatMap((r) => [`target.${r.code}`, `owners.${r.code}`])]} />
      </div>
    </form>
  );
}
