import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { allowOr403, requireViewer } from "@/lib/auth/request";
import { getDepartmentList } from "@/lib/queries/tasks";

export const metadata: Metadata = { title: "部门" };

export default async function DepartmentsPage() {
  const viewer = await requireViewer();
  if (viewer.role === "department" && viewer.departmentId) redirect(`/departments/${viewer.departmentId}`);
  allowOr403(viewer.role === "office" || viewer.role === "leader");
  const departments = await getDepartmentList();
  return (
    <div>
      <h1 className="text-xl font-semibold">部门</h1>
      <p className="mt-1 mb-4 text-sm text-slate-500">选择本部门，查看本部门负责的未达标指标、承担的任务和需要整改的记录。</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {departments.map((d) => (
          <li key={d.id}><Link href={`/departments/${d.id}`} className="block rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-blue-800 hover:bg-blue-50" title={d.fullName}>{d.name}</Link></li>
        ))}
      </ul>
    </div>
  );
}
