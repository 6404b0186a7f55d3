"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { saveNationalRankAction } from "@/app/settings/national-rank/actions";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

export function NationalRankForm({ month, submissionKey }: { month: string; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveNationalRankAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-start gap-3 text-sm" aria-label="录入全国排名">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="contents">
        <label className="flex flex-col gap-1">月份
          <input name="month" type="month" required defaultValue={state.values.month ?? month} className={INPUT} />
          <FieldError message={state.errors.month} />
        </label>
        <label className="flex flex-col gap-1">全国名次
          <input name="rank" type="number" min={1} required defaultValue={state.values.rank ?? ""} className={`${INPUT} w-24`} />
          <FieldError message={state.errors.rank} />
        </label>
        <label className="flex flex-col gap-1">参评城市数
          <input name="totalCities" type="number" min={1} required defaultValue={state.values.totalCities ?? ""} className={`${INPUT} w-24`} />
          <FieldError message={state.errors.totalCities} />
        </label>
        <label className="flex flex-col gap-1">综合得分（可选）
          <input name="score" type="number" step="0.01" min={0} max={100} defaultValue={state.values.score ?? ""} className={`${INPUT} w-28`} />
          <FieldError message={state.errors.score} />
        </label>
      </div>
      <div className="flex items-center gap-3 self-end pb-0.5">
        <button type="submit" disabled={pending} className={BUTTON}>保存</button>
        <FormOutcome state={state} fields={["month", "rank", "totalCities", "score"]} />
      </div>
    </form>
  );
}
