"use client";

import { useActionState } from "react";
import { saveSettingsAction, type ActionState } from "@/app/circulars/actions";
import type { CircularSettings } from "@/lib/circular/facts";

export function SettingsForm({ settings }: { settings: CircularSettings }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveSettingsAction, { message: null, errors: {} });
  const field = (name: keyof CircularSettings, label: string, hint: string) => (
    <label className="flex flex-col gap-1 text-sm">{label}
      <input name={name} defaultValue={settings[name]} className="rounded border border-slate-300 px-2 py-1" />
      <span className="text-xs text-slate-500">{hint}</span>
      {state.errors[name] && <span role="alert" className="text-xs text-red-700">{state.errors[name]}</span>}
    </label>
  );
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-3" aria-label="通报设置">
      {field("documentNumberPrefix", "发文字号代字", "如“示信办”，编号为 示信办〔2026〕10号")}
      {field("issuer", "发文机关（市名之后）", "如“社会信用体系建设领导小组办公室”")}
      {field("addressees", "主送机关", "以全角冒号结尾")}
      {field("copyTo", "抄送机关（版记）", "多个机关用顿号分隔；留空则版记不列抄送")}
      <div className="flex items-center gap-3 sm:col-span-3">
        <button type="submit" disabled={pending} className="rounded bg-blue-700 px-3 py-1 text-sm text-white">保存设置</button>
        {state.message && <span role="status" className="text-sm text-green-700">{state.message}</span>}
      </div>
    </form>
  );
}
