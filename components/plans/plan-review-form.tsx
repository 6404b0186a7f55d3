"use client";

import { useActionState, useState } from "react";
import { confirmPlan, type ConfirmState } from "@/app/plans/new/actions";
import { isIsoDate, lastDayOfMonth } from "@/lib/dates";
import type { PickableDepartment, PlanReview } from "@/lib/plans/review";
import type { ReviewedPlan } from "@/lib/plans/reviewed-plan";
import { DEADLINE_KIND_LABELS, deadlineKindNote, type DeadlineKind, type Target } from "@/lib/workplan/types";
import { UnitPicker } from "./unit-picker";

const STATUS_LABEL = { matched: "已匹配", several: "需确认（多个单位）", unmatched: "未匹配" } as const;
const YEAR_SOURCE: Record<string, string> = {
  title: "取自标题", date: "取自发文日期", stamp: "取自网页发布时间", option: "", fallback: "文中未写年度，按当前年度",
};
const OP = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;

interface Settlement { ids: number[]; ignored: boolean }

interface EditUnit {
  writtenAs: string;
  role: "lead" | "responsible";
  /** Set for a unit the office added with the picker: settled to that department. */
  departmentId?: number;
}

interface EditTask {
  section: string;
  number: string;
  title: string;
  text: string;
  deadline: string | null;
  deadlineKind: DeadlineKind;
  deadlineText: string | null;
  /** The office changed the date. */
  deadlineEdited: boolean;
  units: EditUnit[];
  targets: Target[];
}

/** A date the reader gave in the plan's year, moved to another year (a date naming its own year stays). */
function moveYear(deadline: string | null, from: number | null, to: number, task: EditTask): string | null {
  if (task.deadlineEdited) return deadline;
  if (task.deadlineKind !== "date") return `${to}-12-31`;
  if (deadline === null || from === null || /\d{4}年/.test(task.deadlineText ?? "")) return deadline;
  const moved = `${Number(deadline.slice(0, 4)) + to - from}${deadline.slice(4)}`;
  // 2月29日 in a year without one.
  return isIsoDate(moved) ? moved : lastDayOfMonth(moved.slice(0, 7));
}

/** The office checks the tasks, corrects any, and settles every unit name; the plan is saved only on 确认保存. */
export function PlanReviewForm({ review, submissionKey, departments, plans }: { review: PlanReview; submissionKey: string; departments: PickableDepartment[]; plans: { id: number; title: string }[] }) {
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmPlan, { errors: [] });
  const [title, setTitle] = useState(review.title);
  const [year, setYear] = useState<number | null>(review.year);
  // The year the deadlines are in: the last valid one typed.
  const [datesYear, setDatesYear] = useState<number | null>(review.year);
  const [replaces, setReplaces] = useState<number | null>(null);
  const [settled, setSettled] = useState<Record<string, Settlement>>(() =>
    Object.fromEntries(review.units.map((u) => [u.writtenAs, { ids: u.departmentIds, ignored: false }])));
  const [tasks, setTasks] = useState<EditTask[]>(() => review.plan.tasks.map((t) => ({
    section: t.section, number: t.number, title: t.title, text: t.text, deadline: t.deadline,
    deadlineKind: t.deadlineKind ?? (t.deadline ? "date" : "default"), deadlineText: t.deadlineText ?? null, deadlineEdited: false,
    units: [...t.leadUnits.map((u) => ({ writtenAs: u, role: "lead" as const })), ...t.units.map((u) => ({ writtenAs: u, role: "responsible" as const }))],
    targets: t.targets,
  })));
  const [editing, setEditing] = useState<number | null>(null);
  const nameOf = new Map(departments.map((d) => [d.id, d.name]));
  const update = (i: number, change: Partial<EditTask>) => setTasks(tasks.map((t, j) => (j === i ? { ...t, ...change } : t)));

  // Only names some task still uses need settling; units added with the picker are settled already.
  const used = new Map<string, string[]>();
  for (const t of tasks) for (const u of t.units) if (u.departmentId === undefined) used.set(u.writtenAs, [...new Set([...(used.get(u.writtenAs) ?? []), t.number])]);
  const units = review.units.filter((u) => used.has(u.writtenAs));
  const open = units.filter((u) => (settled[u.writtenAs]?.ids.length ?? 0) === 0 && !settled[u.writtenAs]?.ignored).length;
  const unowned = tasks.filter((t) => t.units.length === 0).map((t) => t.number);
  const untitled = tasks.filter((t) => t.title.trim() === "").map((t) => t.number);
  const kinds = (["date", "recurring", "standing", "default"] as const).map((k) => [k, tasks.filter((t) => (t.deadlineEdited ? "date" : t.deadlineKind) === k).length] as const);

  const payload: ReviewedPlan = {
    title, year, originalText: review.originalText, replacesPlanId: replaces,
    tasks: tasks.map((t) => ({
      section: t.section, number: t.number, title: t.title.trim(), text: t.text, deadline: t.deadline,
      targets: t.targets.map((x) => ({ indicator: x.indicator, op: x.op, value: x.value, unit: x.unit, text: x.text ?? "" })),
      units: t.units.map((u) => u.departmentId !== undefined
        ? { writtenAs: u.writtenAs, role: u.role, departmentIds: [u.departmentId], ignored: false }
        : { writtenAs: u.writtenAs, role: u.role, departmentIds: settled[u.writtenAs]?.ids ?? [], ignored: settled[u.writtenAs]?.ignored ?? false }),
    })),
  };
  const badYear = year !== null && !(year >= 2000 && year <= 2100);
  const blocked = open > 0 || unowned.length > 0 || untitled.length > 0 || badYear;
  return (
    // Enter in a field corrects it; only 确认保存 saves.
    <form action={action} className="space-y-5" onKeyDown={(e) => { if (e.key === "Enter" && (e.target as HTMLElement).tagName === "INPUT") e.preventDefault(); }}>
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
        <label className="flex flex-col gap-1">年度
          <span className="flex items-center gap-2">
            <input type="number" min={2000} max={2100} value={year ?? ""} aria-describedby="plan-year-source"
              onChange={(e) => {
                const next = e.target.value === "" ? null : Number(e.target.value);
                if (next !== null && next >= 2000 && next <= 2100 && next !== datesYear) {
                  setTasks(tasks.map((t) => ({ ...t, deadline: moveYear(t.deadline, datesYear, next, t) })));
                  setDatesYear(next);
                }
                setYear(next);
              }}
              className="w-24 rounded border border-slate-300 px-2 py-1" />
            <span id="plan-year-source" className="text-xs text-slate-500">{review.plan.yearSource ? YEAR_SOURCE[review.plan.yearSource] : "未识别年度，请填写"}</span>
          </span>
        </label>
        <p className="self-end text-xs text-slate-600">期限：{kinds.map(([k, n]) => `${k === "default" ? `默认（${year ?? "—"}年底）` : DEADLINE_KIND_LABELS[k]} ${n} 项`).join("，")}</p>
        <p className="text-slate-600 sm:col-span-2">读出任务 {tasks.length} 项，非任务条目 {review.plan.provisions.length} 项，责任单位名称 {units.length} 个{open > 0 ? `，其中 ${open} 个待确认` : "，均已对应"}。</p>
      </section>
      <section aria-label="责任单位对应" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-base font-semibold">责任单位对应</h2>
        <table className="w-full text-sm">
          <thead className="text-xs text-slate-500"><tr><th scope="col" className="py-1 text-left font-medium">文中写法</th><th scope="col" className="py-1 text-left font-medium">识别结果</th><th scope="col" className="py-1 text-left font-medium">对应部门（可对应多个）</th><th scope="col" className="py-1 text-left font-medium">涉及任务</th></tr></thead>
          <tbody>
            {units.map((u) => {
              const s = settled[u.writtenAs] ?? { ids: [], ignored: false };
              const done = s.ids.length > 0 || s.ignored;
              return (
                <tr key={u.writtenAs} className={`border-t border-slate-100 align-top ${done ? "" : "bg-amber-50"}`}>
                  <th scope="row" className="py-2 pr-2 text-left font-medium">{u.writtenAs}</th>
                  <td className="py-2 pr-2 text-xs">{STATUS_LABEL[u.status]}<div className="text-slate-500">{u.reason}</div></td>
                  <td className="space-y-1 py-2 pr-2">
                    <ul aria-label={`“${u.writtenAs}”对应的部门`} className="flex flex-wrap gap-1 text-xs">
                      {s.ids.length === 0 && <li className="text-amber-800">{s.ignored ? "不对应具体部门" : "尚未对应"}</li>}
                      {s.ids.map((id) => (
                        <li key={id} className="flex items-center gap-1 rounded border border-green-300 bg-green-50 px-1.5 py-0.5 text-green-900">
                          {nameOf.get(id)}
                          <button type="button" aria-label={`取消“${u.writtenAs}”对应${nameOf.get(id)}`} className="text-red-700"
                            onClick={() => setSettled({ ...settled, [u.writtenAs]: { ...s, ids: s.ids.filter((x) => x !== id) } })}>×</button>
                        </li>
                      ))}
                    </ul>
                    {!s.ignored && u.suggestions.some((x) => !s.ids.includes(x.id)) && (
                      <div className="flex flex-wrap items-center gap-1 text-xs">建议：
                        {u.suggestions.filter((x) => !s.ids.includes(x.id)).map((x) => (
                          <button key={x.id} type="button" aria-label={`“${u.writtenAs}”对应${nameOf.get(x.id)}`}
                            onClick={() => setSettled({ ...settled, [u.writtenAs]: { ...s, ids: [...s.ids, x.id] } })}
                            className="rounded border border-blue-200 bg-blue-50 px-1.5 py-0.5 text-blue-900 hover:bg-blue-100">{nameOf.get(x.id)}</button>
                        ))}
                      </div>
                    )}
                    {!s.ignored && (
                      <UnitPicker departments={departments} label={`查找“${u.writtenAs}”对应的部门`} exclude={s.ids}
                        onPick={(d) => setSettled({ ...settled, [u.writtenAs]: { ...s, ids: [...s.ids, d.id] } })} />
                    )}
                    <label className="flex items-center gap-1 text-xs text-slate-600">
                      <input type="checkbox" checked={s.ignored} onChange={(e) => setSettled({ ...settled, [u.writtenAs]: { ...s, ignored: e.target.checked } })} />
                      不对应具体部门（如泛指各镇街）
                    </label>
                  </td>
                  <td className="py-2 text-xs text-slate-500">{used.get(u.writtenAs)?.join("、")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section aria-label="读出的任务" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-base font-semibold">读出的任务</h2>
        <ol className="space-y-2 text-sm">
          {tasks.map((t, i) => {
            const note = t.deadlineEdited ? "已修改" : deadlineKindNote(t.deadlineKind, t.deadlineText);
            const label = `第${t.number}项`;
            return (
              <li key={i} aria-label={`${label}：${t.title}`} className="border-t border-slate-100 pt-2 first:border-0 first:pt-0">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="font-medium">{t.number}．{t.title || "（未填写任务名称）"}</span>
                  <span className="text-xs text-slate-500">
                    牵头：{t.units.filter((u) => u.role === "lead").map((u) => u.writtenAs).join("、") || "—"}；责任：{t.units.filter((u) => u.role === "responsible").map((u) => u.writtenAs).join("、") || "—"}
                    ；期限：<span className="tabular-nums">{t.deadline ?? "未定"}</span>{note ? `（${note}）` : ""}
                    {t.targets.length > 0 ? `；目标：${t.targets.map((x) => `${OP[x.op]}${x.value}${x.unit ?? ""}`).join("、")}` : ""}
                  </span>
                  <button type="button" onClick={() => setEditing(editing === i ? null : i)} aria-expanded={editing === i}
                    className="text-xs text-blue-800 hover:underline" aria-label={`修改${label}任务`}>{editing === i ? "收起" : "修改"}</button>
                </div>
                {editing === i && (
                  <fieldset className="mt-2 grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-xs sm:grid-cols-2" aria-label={`${label}任务的修改`}>
                    <label className="flex flex-col gap-1 sm:col-span-2">任务名称
                      <input value={t.title} onChange={(e) => update(i, { title: e.target.value })} className="rounded border border-slate-300 px-2 py-1 text-sm" />
                    </label>
                    <label className="flex flex-col gap-1">完成期限
                      <span className="flex items-center gap-2">
                        <input type="date" value={t.deadline ?? ""} required
                          onChange={(e) => update(i, { deadline: e.target.value || null, deadlineEdited: true })}
                          className="rounded border border-slate-300 px-2 py-1" />
                        <span className="text-slate-500">{t.deadlineEdited ? "已修改" : t.deadlineText ? `文中：“${t.deadlineText}”` : "文中未写期限，默认年底"}</span>
                      </span>
                    </label>
                    <div className="flex flex-col gap-1">目标
                      {t.targets.length === 0 && <span className="text-slate-500">未读出数值目标</span>}
                      <ul className="space-y-1">
                        {t.targets.map((x, k) => (
                          <li key={`${k}-${x.indicator}-${x.text}`} className="flex flex-wrap items-center gap-1">
                            <span className="max-w-48 truncate text-slate-600" title={x.text}>{x.text}</span>
                            <select value={x.op} aria-label={`${label}目标${k + 1}的比较`}
                              onChange={(e) => update(i, { targets: t.targets.map((y, m) => (m === k ? { ...y, op: e.target.value as Target["op"] } : y)) })}
                              className="rounded border border-slate-300 px-1 py-0.5">
                              {Object.entries(OP).map(([op, sign]) => <option key={op} value={op}>{sign}</option>)}
                            </select>
                            <input type="number" step="any" defaultValue={x.value} aria-label={`${label}目标${k + 1}的数值`}
                              onChange={(e) => e.target.value !== "" && Number.isFinite(Number(e.target.value)) && update(i, { targets: t.targets.map((y, m) => (m === k ? { ...y, value: Number(e.target.value) } : y)) })}
                              className="w-20 rounded border border-slate-300 px-1 py-0.5" />
                            <span>{x.unit ?? ""}</span>
                            <button type="button" aria-label={`删除${label}目标${k + 1}`} onClick={() => update(i, { targets: t.targets.filter((_, m) => m !== k) })}
                              className="text-red-700 hover:underline">删除</button>
                          </li>
                        ))}
                      </ul>
                    </div>
                    <div className="flex flex-col gap-1 sm:col-span-2">牵头和责任单位
                      <ul className="flex flex-wrap gap-1">
                        {t.units.map((u, k) => (
                          <li key={`${u.writtenAs}-${k}`} className="flex items-center gap-1 rounded border border-slate-300 bg-white px-1.5 py-0.5">
                            <span>{u.writtenAs}</span>
                            <select value={u.role} aria-label={`“${u.writtenAs}”在${label}中的角色`}
                              onChange={(e) => update(i, { units: t.units.map((v, m) => (m === k ? { ...v, role: e.target.value as EditUnit["role"] } : v)) })}
                              className="rounded border border-slate-200 px-0.5">
                              <option value="lead">牵头</option>
                              <option value="responsible">责任</option>
                            </select>
                            <button type="button" aria-label={`从${label}移除“${u.writtenAs}”`} onClick={() => update(i, { units: t.units.filter((_, m) => m !== k) })}
                              className="text-red-700">×</button>
                          </li>
                        ))}
                      </ul>
                      <UnitPicker departments={departments} label={`为${label}添加单位`}
                        exclude={t.units.flatMap((u) => (u.departmentId !== undefined ? [u.departmentId] : []))}
                        onPick={(d) => update(i, { units: [...t.units, { writtenAs: d.name, role: "responsible", departmentId: d.id }] })} />
                    </div>
                  </fieldset>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      {state.errors.length > 0 && <ul role="alert" className="list-disc rounded border border-red-200 bg-red-50 p-3 pl-8 text-sm text-red-800">{state.errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || blocked} className="rounded bg-blue-700 px-4 py-2 text-white disabled:opacity-50">{pending ? "保存中…" : "确认保存"}</button>
        {open > 0 && <span className="text-sm text-amber-800">还有 {open} 个责任单位待确认</span>}
        {unowned.length > 0 && <span className="text-sm text-amber-800">第{unowned.join("、")}项任务没有牵头或责任单位</span>}
        {untitled.length > 0 && <span className="text-sm text-amber-800">第{untitled.join("、")}项任务没有名称</span>}
        {badYear && <span className="text-sm text-amber-800">年度应为2000至2100之间的四位数</span>}
      </div>
    </form>
  );
}
