import type { Metadata } from "next";
import Link from "next/link";
import { BatchTable } from "@/components/data/batch-table";
import { MonthlyForm } from "@/components/data/monthly-form";
import { UploadForm } from "@/components/data/upload-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { DATASET_LABELS, importableDatasets, LAYOUTS } from "@/lib/imports/datasets";
import { listBatches } from "@/lib/imports/history";
import { getDepartmentChoices, submissionKey } from "@/lib/queries/settings";
import { lastFullMonth } from "@/lib/dates";

export const metadata: Metadata = { title: "数据" };

export default async function DataPage() {
  const viewer = await requireRole("office", "department", "leader");
  // A department is offered only the datasets it sends itself; the city-wide ones are the office's.
  const datasets = importableDatasets().filter((name) => viewer.role === "office" || !LAYOUTS[name]!.officeOnly)
    .map((name) => ({ name, label: DATASET_LABELS[name], officeOnly: !!LAYOUTS[name]!.officeOnly }));
  const [batches, departments] = await Promise.all([listBatches(getDb(), viewer), getDepartmentChoices()]);
  const own = viewer.role === "department" ? departments.find((d) => d.id === viewer.departmentId)?.name ?? viewer.displayName : null;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold">数据</h1>
        <p className="mt-1 text-sm text-slate-500">
          上传本单位业务系统导出的文件（Excel 或 CSV）。每一行要么入库，要么说明拒收的行号、列和原因；违反字段规则的记录照样入库并计入指标，同时列为待改正的问题。同一文件重复导入不会重复入库，改正后的行会替换原来的记录。
        </p>
      </div>
      {viewer.role !== "leader" && (
        <Panel title="导入文件">
          <UploadForm datasets={datasets} departments={departments} ownDepartment={own} />
        </Panel>
      )}
      {viewer.role !== "leader" && (
        <Panel title="双公示月度情况表（每月10日前填报）">
          <MonthlyForm month={lastFullMonth()} departments={departments} ownDepartment={own} submissionKey={submissionKey()} />
        </Panel>
      )}
      <Panel title="模板与格式说明">
        <ul className="space-y-1 text-sm">
          {datasets.map((d) => (
            <li key={d.name}>
              <span className="inline-block w-52">{d.label}</span>
              <a href={`/data/templates/${d.name}?format=xlsx`} className="text-blue-800 hover:underline">Excel 模板</a>
              <span className="mx-2 text-slate-300">|</span>
              <a href={`/data/templates/${d.name}?format=csv`} className="text-blue-800 hover:underline">CSV 模板</a>
              <span className="mx-2 text-slate-300">|</span>
              <Link href={`/data/formats#${d.name}`} className="text-blue-800 hover:underline">各列说明</Link>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">部门业务系统也可以用接口令牌直接报送：POST /api/v1/imports/数据集名，请求体为文件内容。</p>
      </Panel>
      <Panel title={`导入记录（最近 ${batches.length} 批）`}>
        <BatchTable batches={batches} />
      </Panel>
    </div>
  );
}
