import Link from "next/link";
import { chinaTime } from "@/lib/audit/labels";
import { DATASET_LABELS, isDatasetName } from "@/lib/imports/datasets";
import type { BatchListItem } from "@/lib/imports/history";

const datasetLabel = (d: string) => (isDatasetName(d) ? DATASET_LABELS[d] : d);

/** The import history: one line per file, newest first. */
export function BatchTable({ batches }: { batches: BatchListItem[] }) {
  if (batches.length === 0) return <p className="text-sm text-slate-500">还没有导入记录。</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">导入记录</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            {["批次", "时间", "数据集", "部门", "文件", "导入人", "方式", "读取", "新增", "更新", "未变", "拒收", "有问题", "结果"].map((h) => (
              <th key={h} scope="col" className="whitespace-nowrap px-2 py-2 text-left font-medium">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-2 text-left font-normal"><Link href={`/data/batches/${b.id}`} className="text-blue-800 hover:underline">#{b.id}</Link></th>
              <td className="whitespace-nowrap px-2 py-2 tabular-nums text-slate-600">{chinaTime(b.startedAt).slice(0, 16)}</td>
              <td className="whitespace-nowrap px-2 py-2">{datasetLabel(b.dataset)}</td>
              <td className="px-2 py-2">{b.departmentName ?? "—"}</td>
              <td className="max-w-48 truncate px-2 py-2" title={b.fileName}>{b.fileName}</td>
              <td className="px-2 py-2 text-slate-600">{b.actor}</td>
              <td className="px-2 py-2 text-slate-600">{b.via}</td>
              {[b.read, b.inserted, b.updated, b.unchanged].map((n, i) => <td key={i} className="px-2 py-2 text-right tabular-nums">{n}</td>)}
              <td className={`px-2 py-2 text-right tabular-nums ${b.rejected > 0 ? "text-red-700" : ""}`}>{b.rejected}</td>
              <td className={`px-2 py-2 text-right tabular-nums ${b.problems > 0 ? "text-amber-700" : ""}`}>{b.problems}</td>
              <td className="whitespace-nowrap px-2 py-2">{b.status === "refused" ? <span className="text-red-700">未导入</span> : <span className="text-green-700">已入库</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
