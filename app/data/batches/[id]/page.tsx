import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { chinaTime } from "@/lib/audit/labels";
import { allowOr403, requireViewer } from "@/lib/auth/request";
import { DATASET_LABELS, isDatasetName } from "@/lib/imports/datasets";
import { batchRows, getBatch } from "@/lib/imports/history";

export const metadata: Metadata = { title: "导入批次" };
const SHOWN = 200;

interface Report { header?: string[]; headerRow?: number; unknown?: string[]; legacy?: { from: string; to: string }[]; missingRequired?: string[]; duplicates?: string[]; read?: { kind?: string; encoding?: string; sheet?: string; emptyRows?: number; formulaCells?: number } }

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const { id } = await params;
  const batch = await getBatch(getDb(), viewer, Number(id));
  if (batch === null) notFound();
  allowOr403(batch !== "forbidden");
  if (batch === "forbidden") return null;
  const [rejected, problems] = await Promise.all([batchRows(getDb(), batch.id, "rejected", SHOWN), batchRows(getDb(), batch.id, "problem", SHOWN)]);
  let report: Report = {};
  try {
    report = JSON.parse(batch.report) as Report;
  } catch {
    report = {};
  }
  const label = isDatasetName(batch.dataset) ? DATASET_LABELS[batch.dataset] : batch.dataset;
  const facts: [string, string][] = [
    ["数据集", label], ["部门", batch.departmentName ?? "—"], ["文件", `${batch.fileName}（${(batch.fileBytes / 1024).toFixed(0)} KB）`],
    ["导入人", `${batch.actor}（${batch.via}）`], ["时间", chinaTime(batch.startedAt)],
    ["读取方式", [report.read?.kind === "csv" ? `CSV，${report.read.encoding ?? ""}编码` : report.read?.kind === "xlsx" ? `Excel，工作表“${report.read.sheet ?? ""}”` : "", report.headerRow ? `表头在第${report.headerRow}行` : ""].filter(Boolean).join("，") || "—"],
  ];
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/data" className="text-blue-800 hover:underline">数据</Link> /</p>
        <h1 className="text-xl font-semibold">导入批次 #{batch.id}</h1>
      </div>
      <Panel title={batch.status === "refused" ? "未导入" : "结果"}>
        {batch.status === "refused" ? <p role="alert" className="text-sm text-red-700">{batch.message}</p> : (
          <p className="text-sm">读取 {batch.read} 行：新增 {batch.inserted}，更新 {batch.updated}，未变 {batch.unchanged}，
            <span className={batch.rejected ? "text-red-700" : ""}>拒收 {batch.rejected}</span>；入库但有问题 <span className={batch.problems ? "text-amber-700" : ""}>{batch.problems}</span>。
            {JSON.parse(batch.months).length > 0 && <>涉及月份：{(JSON.parse(batch.months) as string[]).join("、")}，已重新计算。</>}
          </p>
        )}
        <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {facts.map(([k, v]) => <div key={k} className="flex gap-2"><dt className="w-20 shrink-0 text-slate-500">{k}</dt><dd>{v}</dd></div>)}
        </dl>
        {(report.unknown?.length || report.legacy?.length || report.missingRequired?.length || report.duplicates?.length) ? (
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {report.unknown?.length ? <li>未识别、已忽略的列：{report.unknown.join("、")}</li> : null}
            {report.legacy?.length ? <li>按旧版（2016）列名读取：{report.legacy.map((l) => `${l.from}→${l.to}`).join("、")}</li> : null}
            {report.missingRequired?.length ? <li className="text-amber-800">文件缺少数据标准的必填列（请在业务系统导出时补上）：{report.missingRequired.join("、")}</li> : null}
            {report.duplicates?.length ? <li>重复的列（只读取第一列）：{report.duplicates.join("、")}</li> : null}
          </ul>
        ) : null}
      </Panel>
      {batch.rejected > 0 && (
        <Panel title={`拒收的行（${batch.rejected}）`} actions={<span className="text-sm">
          <a href={`/data/batches/${batch.id}/rejected?format=xlsx`} className="text-blue-800 hover:underline">下载 Excel</a>
          <span className="mx-2 text-slate-300">|</span>
          <a href={`/data/batches/${batch.id}/rejected?format=csv`} className="text-blue-800 hover:underline">下载 CSV</a></span>}>
          <p className="mb-2 text-xs text-slate-500">下载的文件保留原来的列，第一列是拒收原因：改正后删除前两列即可重新导入。{batch.rejected > SHOWN ? `此处列出前 ${SHOWN} 行。` : ""}</p>
          <RowTable rows={rejected} />
        </Panel>
      )}
      {batch.problems > 0 && (
        <Panel title={`入库但有问题的行（${batch.problems}）`}>
          <p className="mb-2 text-xs text-slate-500">这些记录已入库并按数据标准计入合规率等指标；在业务系统中改正后重新导入，记录会被替换。{batch.problems > SHOWN ? `此处列出前 ${SHOWN} 行。` : ""}</p>
          <RowTable rows={problems} />
        </Panel>
      )}
    </div>
  );
}

function RowTable({ rows }: { rows: { id: number; rowNumber: number; column: string | null; reason: string }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>{["行号", "列", "原因"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-1.5 text-left font-normal tabular-nums">{r.rowNumber}</th>
              <td className="px-2 py-1.5">{r.column ?? "—"}</td>
              <td className="px-2 py-1.5">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
