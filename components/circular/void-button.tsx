"use client";

import { useActionState, useState } from "react";
import { voidCircularAction, type ActionState } from "@/app/circulars/actions";

/** 作废 an issued circular with a reason; the number stays used and the month can be issued again. */
export function VoidButton({ id, documentNumber, submissionKey }: { id: number; documentNumber: string; submissionKey: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(voidCircularAction, { message: null, errors: {} });
  if (state.message) return <span role="status" className="text-xs text-green-700">{state.message}</span>;
  if (!open) return <button type="button" onClick={() => setOpen(true)} className="text-xs text-red-700 hover:underline">作废</button>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2 text-xs">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <label className="flex items-center gap-1">作废{documentNumber}的原因
        <input name="reason" required maxLength={200} className="w-56 rounded border border-slate-300 px-2 py-0.5" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-red-700 px-2 py-0.5 text-white disabled:opacity-50">{pending ? "作废中…" : "确认作废"}</button>
      <button type="button" onClick={() => setOpen(false)} className="text-slate-600">取消</button>
      {state.errors.reason && <p role="alert" className="w-full text-red-700">{state.errors.reason}</p>}
    </form>
  );
}
