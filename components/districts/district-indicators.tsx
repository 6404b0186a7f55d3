import { valueTone } from "@/components/rankings/value-cell";
import { formatIndicatorValue, formatScore } from "@/lib/format";
import type { DistrictDetail } from "@/lib/queries/district";

export function DistrictIndicators({ detail }: { detail: DistrictDetail }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{detail.unit.name}各项指标</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 text-left font-medium">指标</th>
          <th scope="col" className="py-1 text-right font-medium">本单位</th>
          <th scope="col" className="py-1 text-right font-medium">目标</th>
          <th scope="col" className="py-1 text-right font-medium">全市</th>
          <th scope="col" className="py-1 text-right font-medium">得分</th>
        </tr>
      </thead>
      <tbody>
        {detail.indicators.map((row) => (
          <tr key={row.indicator.code} className="border-t border-slate-100">
            <th scope="row" className="py-1 text-left font-normal">{row.indicator.name}</th>
            <td className={`py-1 text-right tabular-nums ${valueTone(row.value, row.indicator).className}`}>{formatIndicatorValue(row.value, row.indicator.unit)}</td>
            <td className="py-1 text-right tabular-nums text-slate-600">{row.indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(row.indicator.target, row.indicator.unit)}</td>
            <td className="py-1 text-right tabular-nums text-slate-600">{formatIndicatorValue(row.cityValue, row.indicator.unit)}</td>
            <td className="py-1 text-right tabular-nums">{formatScore(row.score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
