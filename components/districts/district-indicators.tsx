import { valueTone } from "@/components/rankings/value-cell";
import { formatIndicatorValue, formatScore } from "@/lib/format";
import type { DistrictDetail } from "@/lib/queries/district";
import type { WarningItem } from "@/lib/supervision/queries";
import { SupervisionMark } from "@/components/supervision/supervision-mark";

/** Each indicator beside its target and the city; one that misses shows its 督办 item, or the office's link to open one. */
export function DistrictIndicators({ detail, month, items, canOpen }: { detail: DistrictDetail; month: string; items: Map<string, WarningItem>; canOpen: boolean }) {
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
          <th scope="col" className="py-1 pl-3 text-left font-medium">督办</th>
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
            <td className="py-1 pl-3">
              {valueTone(row.value, row.indicator).tone !== "met" && row.value !== null && (
                <SupervisionMark item={items.get(`${row.indicator.code}|${detail.unit.id}`)} canOpen={canOpen} indicatorCode={row.indicator.code}
                  unitId={detail.unit.id} unitName={`${detail.unit.name}${row.indicator.name}`} month={month} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
