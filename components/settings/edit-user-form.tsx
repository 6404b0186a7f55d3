"use client";

import { useActionState } from "react";
import { INITIAL_FORM_STATE, type FormState } from "@/app/settings/_lib/form-state";
import { updateUserAction } from "@/app/settings/users/actions";
import { AccountFields, type ScopeChoices } from "./account-fields";
import { BUTTON, FormOutcome } from "./form-bits";

const FIELDS = ["displayName", "role", "departmentId", "districtId", "active"] as const;

export interface EditableAccount {
  id: number;
  username: string;
  displayName: string;
  role: string;
  departmentId: number | null;
  districtId: number | null;
  active: boolean;
}

const valuesOf = (a: EditableAccount): Record<string, string> => ({
  displayName: a.displayName, role: a.role, departmentId: a.departmentId ? String(a.departmentId) : "",
  districtId: a.districtId ? String(a.districtId) : "", ...(a.active ? { active: "on" } : {}),
});

/** 姓名或单位, 角色, 范围 and 启用 of one account; a changed role or scope, or disabling, ends its sessions. */
export function EditUserForm({ account, choices, submissionKey }: { account: EditableAccount; choices: ScopeChoices; submissionKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateUserAction, INITIAL_FORM_STATE);
  const values = state.ok || state.seq === 0 ? valuesOf(account) : state.values;
  return (
    <form action={action} className="grid gap-3 text-sm sm:grid-cols-4" aria-label={`修改账号 ${account.username}`}>
      <input type="hidden" name="submissionKey" value={submissionKey} />
      <input type="hidden" name="id" value={account.id} />
      <div key={state.seq} className="contents">
        <AccountFields values={values} errors={state.errors} choices={choices} />
        <label className="flex items-center gap-2 self-end pb-1">
          <input type="checkbox" name="active" defaultChecked={values.active === "on"} />启用
        </label>
      </div>
      <div className="flex items-center gap-3 sm:col-span-4">
        <button type="submit" disabled={pending} className={BUTTON}>{pending ? "保存中…" : "保存修改"}</button>
        <FormOutcome state={state} fields={FIELDS} />
      </div>
    </form>
  );
}
