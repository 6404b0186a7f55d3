import type { Metadata } from "next";
import Link from "next/link";
import { AccountRow, type AccountRowData } from "@/components/settings/account-row";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { Panel } from "@/components/ui/panel";
import { ROLE_LABELS, ROLES, type Role } from "@/db/schema";
import { chinaTime } from "@/lib/audit/labels";
import { requireRole } from "@/lib/auth/request";
import { getAccounts, getDepartmentChoices, getDistrictChoices, submissionKey, type AccountRow as Account } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "账号管理" };

const ROLE_ORDER: Role[] = ["office", "leader", "department", "district"];
const minute = (iso: string) => chinaTime(iso).slice(0, 16);
const scopeOf = (a: Account) => (a.role === "department" ? a.departmentName ?? "（部门已删除）" : a.role === "district" ? a.districtName ?? "（区县已删除）" : "全市");

export default async function UsersPage() {
  await requireRole("office");
  const [accounts, departments, districts] = await Promise.all([getAccounts(), getDepartmentChoices(), getDistrictChoices()]);
  const choices = { roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })), departments, districts };
  const sorted = [...accounts].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.username.localeCompare(b.username));
  const rows: AccountRowData[] = sorted.map((a) => ({
    id: a.id, username: a.username, displayName: a.displayName, role: a.role, departmentId: a.departmentId, districtId: a.districtId,
    active: a.active, roleLabel: ROLE_LABELS[a.role], scope: scopeOf(a), createdAt: minute(a.createdAt), passwordChangedAt: minute(a.passwordChangedAt),
  }));
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">账号管理</h1>
        <p className="mt-1 text-sm text-slate-500">领导查看全市、不能修改；信用办管理一切；部门账号只看和报送本部门，区县账号只看本区县及所辖镇街。</p>
      </div>
      <Panel title={`账号（${accounts.length}）`}>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">全部账号</caption>
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                {["账号", "姓名/单位", "角色", "范围", "状态", "创建时间", "最近改密", "操作"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-left font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => <AccountRow key={a.id} account={a} choices={choices} keys={{ edit: submissionKey(), reset: submissionKey() }} />)}
            </tbody>
          </table>
        </div>
      </Panel>
      <Panel title="新建账号">
        <CreateUserForm choices={choices} submissionKey={submissionKey()} />
      </Panel>
    </div>
  );
}
