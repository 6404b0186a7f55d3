"use client";

import { useActionState, useState } from "react";
import { confirmPlan, type ConfirmState } from "@/app/plans/new/actions";
import type { PlanReview } from "@/lib/plans/review";
import type { ReviewedPlan } from "@/lib/plans/reviewed-plan";

const STATUS_LABEL = { matched: "已匹配", several: "需确认（多个单位）", unmatched: "未匹配" } as const;

interface Settlement { ids: number[]; ignored: boolean }

/** The office checks the tasks and settles every unit name; the plan is saved only on 确认保存. */
export function PlanReviewForm({ review, submissionKey, departments, plans }: { review: PlanReview; submissionKey: string; departments: { id: number; name: string }[]; plans: { id: number; title: string }[] }) {
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmPlan, { errors: [] });
  const [title, setTitle] = useState(review.title);
  const [replaces, setReplaces] = useState<number | null>(null);
  const [settled, setSettled] = useState<Record<string, Settlement>>(() =>
    Object.fromEntries(review.units.map((u) => [u.writtenAs, { ids: u.status === "matched" ? u.departmentIds : u.departmentIds, ignored: false }])));
  const open = review.units.filter((u) => (settled[u.writtenAs]?.ids.length ?? 0) === 0 && !settled[u.writtenAs]?.ignored).length;
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const payload: ReviewedPlan = {
    title, year: review.year, originalText: review.originalText, replacesPlanId: replaces,
    tasks: review.plan.tasks.map((t) => ({
      section: t.section, number: t.number, title: t.title, text: t.text, deadline: t.deadline,
      targets: t.targets.map((x) => ({ indicator: x.indicator, op: x.op, value: x.value, unit: x.unit, text: x.text ?? "" })),
      units: [...t.leadUnits.map((u) => ({ u, role: "lead" as const })), ...t.units.map((u) => ({ u, role: "responsible" as const }))]
        .map(({ u, role }) => ({ writtenAs: u, role, departmentIds: settled[u]?.ids ?? [], ignored: settled[u]?.ignored ?? false })),
    })),
  };
  return (
    <form action={action} className="space-y-5">
      <input type="hidden" name="plan" value={JSON.stringify(payload)} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <section aria-label="工作要点信息" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <label className="flex flex-col gap-1">名称<input value={title} onChange={(e) => setTitle(e.target.value)} className="rounded border border-slate-300 px-2 py-1" /></label>
        <label className="flex flex-col gap-1">替换已载入的工作要点（新版本保留未改动任务的进展）
          <select value={replaces ?? ""} onChange={(e) => setReplaces(e.target.value ? Number(e.target.value) : null)} className="rounded border border-slate-300 px-2 py-1">
            <option value="">不替换，作为新的工作要点</option>
            {plans.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
          </select>
        </label>
        <p className="text-slate-600 sm:col-span-2">读出任务 {review.plan.tasks.length} 项，非任务条目 {review.plan.provisions.length} 项，责任单位名称 {review.units.length} 个{open > 0 ? `，其中 ${open} 个待确认` : "，均已对应"}。</p>
      </section>
      <section aria-label="责任单位对应" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-base font-semibold">责任单位对应</h2>
        <table className="w-full text-sm">
          <thead className="text-xs text-slate-500"><tr><th scope="col" className="py-1 text-left font-medium">文中写法</th><th scope="col" className="py-1 text-left font-medium">识别结果</th><th scope="col" className="py-1 text-left font-medium">对应部门（可多选）</th><th scope="col" className="py-1 text-left font-medium">涉及任务</th></tr></thead>
          <tbody>
            {review.units.map((u) => {
              const s = settled[u.writtenAs] ?? { ids: [], ignored: false };
              const done = s.ids.length > 0 || s.ignored;
              const suggested = new Set(u.suggestions.map((x) => x.id));
              return (
                <tr key={u.writtenAs} className={`border-t border-slate-100 align-top ${done ? "" : "bg-amber-50"}`}>
                  <th scope="row" className="py-2 pr-2 text-left font-medium">{u.writtenAs}</th>
                  <td className="py-2 pr-2 text-xs">{STATUS_LABEL[u.status]}<div className="text-slate-500">{u.reason}</div></td>
                  <td className="py-2 pr-2">
                    <select multiple size={4} aria-label={`“${u.writtenAs}”对应的部门`} value={s.ids.map(String)} disabled={s.ignored}
                      onChange={(e) => setSettled({ ...settled, [u.writtenAs]: { ...s, ids: [...e.target.selectedOptions].map((o) => Number(o.value)) } })}
                      className="w-56 rounded border border-slate-300 text-xs">
                      {suggested.size > 0 && (
                        <optgroup label="建议">
                          {u.suggestions.map((x) => <option key={x.id} value={x.id}>{nameOf.get(x.id)}</option>)}
                        </optgroup>
                      )}
                      <optgroup label={suggested.size > 0 ? "其他部门" : "全部部门"}>
                        {departments.filter((d) => !suggested.has(d.id)).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                      </optgroup>
                    </select>
                    <label className="mt-1 flex items-center gap-1 text-xs text-slate-600">
                      <input type="checkbox" checked={s.ignored} onChange={(e) => setSettled({ ...settled, [u.writtenAs]: { ...s, ignored: e.target.checked } })} />
                      不对应具体部门（如泛指各镇街）
                    </label>
                    {s.ids.length > 0 && <div className="mt-1 text-xs text-green-800">{s.ids.map((id) => nameOf.get(id)).join("、")}</div>}
                  </td>
                  <td className="py-2 text-xs text-slate-500">{u.taskNumbers.join("、")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-label="读出的任务" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-base font-semibold">读出的任务</h2>
        <ol className="space-y-2 text-sm">
          {review.plan.tasks.map((t) => (
            <li key={`${t.section}-${t.number}`}>
              <span className="font-medium">{t.number}．{t.title}</span>
              <span className="ml-2 text-xs text-slate-500">牵头：{t.leadUnits.join("、") || "—"}；责任：{t.units.join("、") || "—"}{t.deadline ? `；期限：${t.deadline}` : ""}{t.targets.length > 0 ? `；目标：${t.targets.map((x) => `${x.op}${x.value}${x.unit ?? ""}`).join("、")}` : ""}</span>
            </li>
          ))}
        </ol>
      </section>
      {state.errors.length > 0 && <ul role="alert" className="list-disc rounded border border-red-200 bg-red-50 p-3 pl-8 text-sm text-red-800">{state.errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending || open > 0} className="rounded bg-blue-700 px-4 py-2 text-white disabled:opacity-50">{pending ? "保存中…" : "确认保存"}</button>
        {open > 0 && <span className="text-sm text-amber-800">还有 {open} 个责任单位待确认</span>}
      </div>
    </form>
  );
}
