import Link from "next/link";
import { valueTone } from "@/components/rankings/value-cell";
import { viewHref } from "@/lib/dashboard/params";
import { formatIndicatorValue } from "@/lib/format";
import type { DistrictDetail } from "@/lib/queries/district";

/** The indicators that cost the unit most points, each one click from the records to fix. */
export function WeakIndicators({ detail, month }: { detail: DistrictDetail; month: string }) {
  const weak = detail.indicators.filter((i) => i.lostPoints > 0).sort((a, b) => b.lostPoints - a.lostPoints);
  if (weak.length === 0) return <p className="text-sm text-green-700">各项指标均已达标。</p>;
  return (
    <ol className="space-y-2 text-sm">
      {weak.map((row) => (
        <li key={row.indicator.code} className="flex flex-wrap items-center gap-x-3">
          <span className="w-20 shrink-0 font-semibold tabular-nums text-red-700">−{row.lostPoints.toFixed(2)}分</span>
          <Link href={`${viewHref(`/indicators/${row.indicator.code}`, { month })}&unit=${detail.unit.id}#records`} className="font-medium text-blue-800 hover:underline">{row.indicator.name}</Link>
          <span className={`tabular-nums ${valueTone(row.value, row.indicator).className}`}>{formatIndicatorValue(row.value, row.indicator.unit)}</span>
          <span className="text-xs text-slate-500">目标{row.indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(row.indicator.target, row.indicator.unit)} · 责任单位：{row.indicator.owners.map((o) => o.name).join("、")}</span>
        </li>
      ))}
    </ol>
  );
}
