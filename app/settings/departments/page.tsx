import type { Metadata } from "next";
import Link from "next/link";
import { AliasForm, DepartmentForm } from "@/components/settings/department-forms";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { departmentsWithAliases } from "@/lib/departments/manage";
import { submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "部门名单" };

export default async function DepartmentsSettingsPage() {
  await requireRole("office");
  const list = await departmentsWithAliases(getDb());
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">部门名单</h1>
        <p className="mt-1 text-sm text-slate-500">责任单位的全称、简称和别名。别名是工作要点和各类文件里对该部门的其他写法（如“市监局”），读取时据此对应；改名后，部门的记录、任务和督办事项不变。</p>
      </div>
      <Panel title="新增部门"><DepartmentForm submissionKey={submissionKey()} /></Panel>
      <Panel title={`部门（${list.length}）`}>
        <table className="w-full text-sm">
          <caption className="sr-only">部门名单</caption>
          <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["部门", "别名"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr></thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="px-2 py-2 text-left font-normal"><DepartmentForm department={d} submissionKey={submissionKey()} /></th>
                <td className="px-2 py-2"><AliasForm departmentId={d.id} shortName={d.shortName} aliases={d.aliases} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
