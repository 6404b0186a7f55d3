"use client";

import { useActionState } from "react";
import { acknowledgeAction, attachFileAction, markRecordAction, removeAttachmentAction, reviewAction, submitFeedbackAction } from "@/app/supervision/[id]/actions";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { BUTTON, FieldError, FormOutcome, INPUT } from "@/components/settings/form-bits";

type Action = (previous: FormState, form: FormData) => Promise<FormState>;

function useForm(action: Action) {
  return useActionState<FormState, FormData>(action, INITIAL_FORM_STATE);
}

export function AcknowledgeButton({ itemId }: { itemId: number }) {
  const [state, action, pending] = useForm(acknowledgeAction);
  return (
    <form action={action} className="flex items-center gap-3" aria-label="签收">
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" disabled={pending} className={BUTTON}>签收</button>
      <FormOutcome state={state} fields={[]} />
    </form>
  );
}

export function MarkRecordForm({ itemId, recordId, position, mark, reason }: { itemId: number; recordId: number; position: number; mark: string | null; reason: string | null }) {
  const [state, action, pending] = useForm(markRecordAction);
  return (
    <form action={action} className="flex flex-wrap items-start gap-2" aria-label={`标记第${position}条`}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="recordId" value={recordId} />
      <div key={state.seq} className="contents">
        <select name="mark" defaultValue={state.values.mark ?? mark ?? ""} aria-label={`第${position}条的整改情况`} className={INPUT}>
          <option value="">请选择</option>
          <option value="fixed">已更正</option>
          <option value="unfixable">无法更正</option>
          <option value="not_ours">非本单位</option>
        </select>
        <span className="flex flex-col">
          <input name="reason" defaultValue={state.values.reason ?? reason ?? ""} maxLength={500} placeholder="无法更正或非本单位时说明原因" aria-label={`第${position}条的说明`} className={`${INPUT} w-64`} />
          <FieldError message={state.errors.reason ?? state.errors.mark} />
        </span>
      </div>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">保存</button>
      <FormOutcome state={state} fields={["reason", "mark"]} />
    </form>
  );
}

export function FeedbackForm({ itemId, feedback }: { itemId: number; feedback: string | null }) {
  const [state, action, pending] = useForm(submitFeedbackAction);
  return (
    <form action={action} className="space-y-2" aria-label="整改反馈">
      <input type="hidden" name="itemId" value={itemId} />
      <textarea key={state.seq} name="feedback" defaultValue={state.values.feedback ?? feedback ?? ""} rows={4} maxLength={5000} aria-label="整改情况"
        placeholder="写明已采取的整改措施、更正了哪些记录、无法更正的原因" className={`${INPUT} w-full`} />
      <FieldError message={state.errors.feedback} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>提交整改反馈</button>
        <FormOutcome state={state} fields={["feedback"]} />
      </div>
    </form>
  );
}

export function ReviewForm({ itemId }: { itemId: number }) {
  const [state, action, pending] = useForm(reviewAction);
  return (
    <form action={action} className="flex flex-wrap items-start gap-3" aria-label="审核整改反馈">
      <input type="hidden" name="itemId" value={itemId} />
      <span className="flex flex-col">
        <input key={state.seq} name="reason" defaultValue={state.values.reason ?? ""} maxLength={1000} placeholder="退回时写明原因" aria-label="退回原因" className={`${INPUT} w-80`} />
        <FieldError message={state.errors.reason} />
      </span>
      <button type="submit" name="decision" value="accept" disabled={pending} className={BUTTON}>办结销号</button>
      <button type="submit" name="decision" value="return" disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">退回</button>
      <FormOutcome state={state} fields={["reason"]} />
    </form>
  );
}

export function AttachmentForm({ itemId }: { itemId: number }) {
  const [state, action, pending] = useForm(attachFileAction);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 text-sm" aria-label="上传整改附件">
      <input type="hidden" name="itemId" value={itemId} />
      <label className="flex items-center gap-2">附件（PDF 或图片，每个不超过4MB）
        <input key={state.seq} type="file" name="file" accept="application/pdf,image/png,image/jpeg,image/gif,image/webp" className="text-sm" />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">上传</button>
      <FieldError message={state.errors.file ?? state.errors.data} />
      <FormOutcome state={state} fields={["file", "data"]} />
    </form>
  );
}

export function RemoveAttachmentButton({ itemId, attachmentId, name }: { itemId: number; attachmentId: number; name: string }) {
  const [state, action, pending] = useForm(removeAttachmentAction);
  return (
    <form action={action} className="inline" aria-label={`删除附件${name}`}>
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline">删除</button>
      <FormOutcome state={state} fields={[]} />
    </form>
  );
}
