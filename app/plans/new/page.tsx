import type { Metadata } from "next";
import { PlanLoader } from "@/components/plans/plan-loader";
import { requireRole } from "@/lib/auth/request";
import { getActivePlans, getDepartmentList } from "@/lib/queries/tasks";

export const metadata: Metadata = { title: "载入工作要点" };

export default async function NewPlanPage() {
  await requireRole("office");
  const [departments, plans] = await Promise.all([getDepartmentList(), getActivePlans()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">载入工作要点</h1>
        <p className="mt-1 text-sm text-slate-500">系统读出任务、牵头和责任单位、目标和期限，并与部门清单对应；核对无误后确认保存。</p>
      </div>
      <PlanLoader departments={departments.map((d) => ({ id: d.id, name: d.name, fullName: d.fullName }))} plans={plans} />
    </div>
  );
}
