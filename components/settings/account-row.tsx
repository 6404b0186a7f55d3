"use client";

import { useState } from "react";
import type { ScopeChoices } from "./account-fields";
import { EditUserForm, type EditableAccount } from "./edit-user-form";
import { ResetPasswordForm } from "./reset-password-form";

export interface AccountRowData extends EditableAccount {
  roleLabel: string;
  scope: string;
  createdAt: string;
  passwordChangedAt: string;
}

/** One account in the table; 修改 opens its edit and reset-password forms in a row beneath. */
export function AccountRow({ account, choices, keys }: { account: AccountRowData; choices: ScopeChoices; keys: { edit: string; reset: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr className="border-t border-slate-100 align-top">
        <th scope="row" className="px-3 py-2 text-left font-mono font-normal">{account.username}</th>
        <td className="px-3 py-2">{account.displayName}</td>
        <td className="px-3 py-2">{account.roleLabel}</td>
        <td className="px-3 py-2">{account.scope}</td>
        <td className="px-3 py-2">{account.active ? <span className="text-green-700">启用</span> : <span className="text-slate-500">停用</span>}</td>
        <td className="px-3 py-2 tabular-nums text-slate-600">{account.createdAt}</td>
        <td className="px-3 py-2 tabular-nums text-slate-600">{account.passwordChangedAt}</td>
        <td className="px-3 py-2">
          <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} className="text-blue-800 hover:underline">
            {open ? "收起" : "修改"}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="bg-slate-50">
          <td colSpan={8} className="space-y-4 px-3 py-3">
            <EditUserForm account={account} choices={choices} submissionKey={keys.edit} />
            <div className="border-t border-slate-200 pt-3">
              <ResetPasswordForm id={account.id} username={account.username} submissionKey={keys.reset} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
