import Link from "next/link";
import { EChart } from "@/components/charts/chart";
import { Delta } from "@/components/ui/delta";
import { viewHref } from "@/lib/dashboard/params";
import { formatIndicatorValue } from "@/lib/format";
import type { IndicatorCard } from "@/lib/queries/city";

const DELTA_UNIT = { percent: "个百分点", per_ten_thousand: "‱", count: "" } as const;

/** A card per indicator: value, target, met or not, change against last month, 12-month trend line. */
export function IndicatorCards({ cards, month }: { cards: IndicatorCard[]; month: string }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      {cards.map(({ indicator, value, previous, met, series }) => (
        <li key={indicator.code} className="rounded-lg border border-slate-200 bg-white p-3">
          <Link href={viewHref(`/indicators/${indicator.code}`, { month })} className="text-sm font-medium text-blue-900 hover:underline">
            {indicator.name}
          </Link>
          <div className="mt-1 flex items-baseline gap-2">
            <span className="text-xl font-semibold tabular-nums">{formatIndicatorValue(value, indicator.unit)}</span>
            <Delta change={value !== null && previous !== null ? Math.round((value - previous) * 100) / 100 : null} better={indicator.direction} unit={DELTA_UNIT[indicator.unit]} />
          </div>
          <div className="mt-1 flex items-center justify-between text-xs">
            <span className="text-slate-500">目标{indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(indicator.target, indicator.unit)}</span>
            {met === null ? <span className="text-slate-400">无数据</span> : met ? <span className="font-medium text-green-700">达标</span> : <span className="font-medium text-red-700">未达标</span>}
          </div>
          <EChart spec={{ kind: "sparkline", values: series }} height={36} ariaLabel={`${indicator.name}近12个月走势`} />
        </li>
      ))}
    </ul>
  );
}
