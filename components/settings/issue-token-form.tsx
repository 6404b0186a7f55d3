"use client";

import { useActionState, useState } from "react";
import { INITIAL_FORM_STATE } from "@/app/settings/_lib/form-state";
import { issueTokenAction, type IssueTokenState } from "@/app/settings/tokens/actions";
import { BUTTON, FieldError, FormOutcome, INPUT, type Option } from "./form-bits";

const INITIAL: IssueTokenState = { ...INITIAL_FORM_STATE, token: null };

export function IssueTokenForm({ departments, submissionKey }: { departments: Option[]; submissionKey: string }) {
  const [state, action, pending] = useActionState<IssueTokenState, FormData>(issueTokenAction, INITIAL);
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-start gap-3 text-sm" aria-label="发放令牌">
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <div key={state.seq} className="contents">
          <label className="flex flex-col gap-1">部门
            <select name="departmentId" defaultValue={state.values.departmentId ?? ""} required className={INPUT}>
              <option value="">请选择</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            <FieldError message={state.errors.departmentId} />
          </label>
          <label className="flex flex-col gap-1">用途
            <input name="name" defaultValue={state.values.name ?? ""} maxLength={60} required placeholder="如：业务系统自动报送" className={`${INPUT} w-64`} />
            <FieldError message={state.errors.name} />
          </label>
        </div>
        <div className="flex items-center gap-3 self-end pb-0.5">
          <button type="submit" disabled={pending} className={BUTTON}>{pending ? "发放中…" : "发放令牌"}</button>
          {!state.token && <FormOutcome state={state} fields={["departmentId", "name"]} />}
        </div>
      </form>
      {state.ok && state.token && <NewToken key={state.seq} token={state.token} />}
    </div>
  );
}

function NewToken({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard access (plain http): the token stays selectable
    }
  };
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">令牌已发放。令牌只显示这一次，请立即复制保存。</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="select-all break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">{token}</code>
        <button type="button" onClick={copy} className="rounded border border-amber-400 px-2 py-1 text-xs text-amber-900 hover:bg-amber-100">{copied ? "已复制" : "复制"}</button>
      </div>
    </div>
  );
}
