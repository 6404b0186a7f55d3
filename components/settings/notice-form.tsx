"use client";

import { useActionState } from "react";
import { noticeAction, type NoticeFormState } from "@/app/settings/calendar/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

const INITIAL: NoticeFormState = { ok: false, message: null, errors: {}, values: {}, seq: 0, preview: [] };

/** Paste the notice as published, read it, check the days, then save. */
export function NoticeForm({ year, submissionKey }: { year: number; submissionKey: string }) {
  const [state, action, pending] = useActionState<NoticeFormState, FormData>(noticeAction, INITIAL);
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="录入节假日安排">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="space-y-3">
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1">年份
            <input name="year" type="number" min={2000} max={2100} required defaultValue={state.values.year ?? year} className={`${INPUT} w-28`} />
            <FieldError message={state.errors.year} />
          </label>
          <label className="flex flex-col gap-1">通知文号（可选）
            <input name="number" maxLength={200} defaultValue={state.values.number ?? ""} placeholder="国办发明电〔2026〕…号" className={`${INPUT} w-72`} />
          </label>
        </div>
        <label className="flex flex-col gap-1">通知正文（从中国政府网复制，含“一、元旦：……”各条）
          <textarea name="text" rows={10} maxLength={20_000} required defaultValue={state.values.text ?? ""} className={`${INPUT} w-full font-mono text-xs`} />
          <FieldError message={state.errors.text} />
        </label>
      </div>
      {state.preview.length > 0 && (
        <table className="w-full text-sm" aria-label="读到的节假日安排">
          <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["节日", "放假", "调休上班"].map((h) => <th key={h} scope="col" className="px-2 py-1 text-left font-medium">{h}</th>)}</tr></thead>
          <tbody>
            {state.preview.map((h) => (
              <tr key={h.name} className="border-t border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-normal">{h.name}</th>
                <td className="px-2 py-1 tabular-nums">{h.from === h.to ? h.from : `${h.from} 至 ${h.to}`}</td>
                <td className="px-2 py-1 tabular-nums">{h.workdays.join("、") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">读取</button>
        {state.preview.length > 0 && <button type="submit" name="intent" value="save" disabled={pending} className={BUTTON}>确认保存</button>}
        <FormOutcome state={state} fields={["year", "text"]} />
      </div>
    </form>
  );
}
