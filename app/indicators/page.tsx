import { cached } from "@/lib/queries/cached";
import { requireViewer } from "@/lib/auth/request";
import type { Metadata } from "next";
import Link from "next/link";
import { ViewBar } from "@/components/filters/view-bar";
import { valueTone } from "@/components/rankings/value-cell";
import { NoData } from "@/components/ui/no-data";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { formatIndicatorValue } from "@/lib/format";

export const metadata: Metadata = { title: "指标" };

export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer();
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(await searchParams, months);
  const dashboard = await cached.cityDashboard(view.month);
  if (!dashboard) return <NoData />;
  return (
    <>
      <ViewBar title="指标" path="/indicators" view={view} months={months} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="px-4 py-3 text-left text-base font-semibold">指标目录及全市本月数值</caption>
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">指标</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">类别</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">全市数值</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">目标</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">责任单位</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.cards.map(({ indicator, value }) => (
              <tr key={indicator.code} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={viewHref(`/indicators/${indicator.code}`, view)} className="text-blue-800 hover:underline">{indicator.name}</Link>
                </th>
                <td className="px-3 py-2 text-slate-600">{indicator.category}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${valueTone(value, indicator).className}`}>{formatIndicatorValue(value, indicator.unit)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(indicator.target, indicator.unit)}</td>
                <td className="px-3 py-2 text-slate-600">{indicator.owners.map((o) => o.name).join("、")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
