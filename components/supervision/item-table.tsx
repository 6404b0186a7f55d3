import Link from "next/link";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import type { ItemView } from "@/lib/supervision/queries";
import { daysToClose } from "@/lib/supervision/filters";
import { VERDICT_LABELS } from "@/lib/supervision/verdicts";
import { LightBadge } from "./light";

/** 督办 items, overdue first: what, where, who, by when, and the traffic light. */
export function ItemTable({ items, caption }: { items: ItemView[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>{["编号", "指标", "单位", "月份", "责任单位", "期限", "状态", "进度", "办结用时", "成效"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className="border-t border-slate-100">
              <th scope="row" className="px-2 py-2 text-left font-normal"><Link href={`/supervision/${i.id}`} className="text-blue-800 hover:underline">#{i.id}</Link></th>
              <td className="px-2 py-2">{i.taskId !== null ? i.subject : i.indicatorName}</td>
              <td className="px-2 py-2">{i.unitName}</td>
              <td className="px-2 py-2 tabular-nums">{i.month}</td>
              <td className="px-2 py-2">{i.departments.map((d) => d.name).join("、")}</td>
              <td className="px-2 py-2 tabular-nums">{i.deadline}</td>
              <td className="px-2 py-2">{STATUS_LABELS[i.status]}</td>
              <td className="px-2 py-2"><LightBadge light={i.light} /></td>
              <td className="px-2 py-2 tabular-nums">{i.closedAt ? `${daysToClose(i)}天` : "—"}</td>
              <td className={`px-2 py-2 ${i.redAfterClosing ? "text-red-700" : ""}`}>{i.verdict ? VERDICT_LABELS[i.verdict] : "—"}{i.redAfterClosing ? "（办结后仍红）" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
