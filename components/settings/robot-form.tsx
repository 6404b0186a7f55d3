"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { saveRobotAction } from "@/app/settings/robots/actions";
import { BUTTON, FieldError, FormOutcome, INPUT, type Option } from "./form-bits";

export function RobotForm({ departments, submissionKey }: { departments: Option[]; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveRobotAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="flex flex-wrap items-start gap-3 text-sm" aria-label="设置群机器人">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <div key={state.seq} className="contents">
        <label className="flex flex-col gap-1">部门
          <select name="departmentId" defaultValue={state.values.departmentId ?? ""} className={INPUT}>
            <option value="">请选择</option>
            {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
          <FieldError message={state.errors.departmentId} />
        </label>
        <label className="flex flex-col gap-1">类型
          <select name="kind" defaultValue={state.values.kind ?? "wecom"} className={INPUT}>
            <option value="wecom">企业微信</option>
            <option value="dingtalk">钉钉</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">Webhook 地址
          <input name="url" defaultValue={state.values.url ?? ""} maxLength={500} className={`${INPUT} w-96`} placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
          <FieldError message={state.errors.url} />
        </label>
        <label className="flex flex-col gap-1">加签密钥（钉钉，可选）
          <input name="secret" type="password" autoComplete="off" maxLength={200} className={`${INPUT} w-56`} placeholder="SEC…" />
          <FieldError message={state.errors.secret} />
        </label>
      </div>
      <div className="flex items-center gap-3 self-end pb-0.5">
        <button type="submit" disabled={pending} className={BUTTON}>保存</button>
        <FormOutcome state={state} fields={["departmentId", "url", "secret"]} />
      </div>
    </form>
  );
}
