import type { Metadata } from "next";
import Link from "next/link";
import { NationalRankForm } from "@/components/settings/national-rank-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { addMonths, monthOf, todayInChina, type IsoMonth } from "@/lib/dates";
import { submissionKey } from "@/lib/queries/settings";
import { listNationalRanks } from "@/lib/settings/national-rank";

export const metadata: Metadata = { title: "全国排名" };

export default async function NationalRankPage() {
  await requireRole("office");
  const ranks = await listNationalRanks(getDb());
  // The national platform publishes a month's rank in the following month.
  const lastMonth = addMonths(monthOf(todayInChina()) as IsoMonth, -1);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">全国排名</h1>
        <p className="mt-1 text-sm text-slate-500">国家城市信用监测每月公布的本市名次和参评城市数，用于总览和月度通报。同一月份再次录入即为更正；也可在“数据”页导入。</p>
      </div>
      <Panel title="录入或更正"><NationalRankForm month={lastMonth} submissionKey={submissionKey()} /></Panel>
      <Panel title={`已有的名次（${ranks.length}）`}>
        {ranks.length === 0 ? <p className="text-sm text-slate-500">尚未录入。</p> : (
          <table className="w-full text-sm">
            <caption className="sr-only">各月全国排名</caption>
            <thead className="bg-slate-50 text-xs text-slate-500"><tr>{["月份", "名次", "参评城市数", "综合得分"].map((h) => <th key={h} scope="col" className="px-2 py-2 text-left font-medium">{h}</th>)}</tr></thead>
            <tbody>
              {ranks.map((r) => (
                <tr key={r.month} className="border-t border-slate-100">
                  <th scope="row" className="px-2 py-1.5 text-left font-normal tabular-nums">{r.month}</th>
                  <td className="px-2 py-1.5 tabular-nums">{r.rank}</td>
                  <td className="px-2 py-1.5 tabular-nums">{r.totalCities}</td>
                  <td className="px-2 py-1.5 tabular-nums">{r.score ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
