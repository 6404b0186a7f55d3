import Link from "next/link";
import { valueTone } from "@/components/rankings/value-cell";
import { formatIndicatorValue, formatScore } from "@/lib/format";
import type { IndicatorDetail } from "@/lib/queries/indicator";
import type { WarningItem } from "@/lib/supervision/queries";
import { SupervisionMark } from "@/components/supervision/supervision-mark";

/** The month's value of every unit, best first, each linking to its own records. */
export function UnitComparison({ detail, hrefFor, month, items, canOpen }: {
  detail: IndicatorDetail; hrefFor: (unitId: number) => string; month: string; items: Map<string, WarningItem>; canOpen: boolean;
}) {
  const { indicator } = detail;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{indicator.name}各单位比较</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 text-left font-medium">单位</th>
          <th scope="col" className="py-1 text-right font-medium">数值</th>
          <th scope="col" className="py-1 text-right font-medium">分子 / 分母</th>
          <th scope="col" className="py-1 text-right font-medium">得分</th>
          <th scope="col" className="py-1 pl-3 text-left font-medium">督办</th>
        </tr>
      </thead>
      <tbody>
        {[{ id: detail.city.id, name: detail.city.name, cell: detail.cityCell, city: true }, ...detail.units.map((u) => ({ ...u, city: false }))].map((u) => {
          const tone = valueTone(u.cell?.value ?? null, indicator);
          return (
            <tr key={u.id} className={`border-t border-slate-100 ${u.city ? "font-semibold" : ""}`}>
              <th scope="row" className="py-1 text-left font-normal"><Link href={hrefFor(u.id)} className="text-blue-800 hover:underline">{u.name}</Link></th>
              <td className={`py-1 text-right tabular-nums ${tone.className}`}>{formatIndicatorValue(u.cell?.value ?? null, indicator.unit)}</td>
              <td className="py-1 text-right tabular-nums text-slate-500">
                {u.cell ? `${u.cell.numerator.toLocaleString("zh-CN")}${u.cell.denominator !== null ? ` / ${u.cell.denominator.toLocaleString("zh-CN")}` : ""}` : "—"}
              </td>
              <td className="py-1 text-right tabular-nums">{formatScore(u.cell?.score ?? null)}</td>
              <td className="py-1 pl-3 font-normal">
                {tone.tone !== "met" && tone.tone !== "none" && (
                  <SupervisionMark item={items.get(`${indicator.code}|${u.id}`)} canOpen={canOpen} indicatorCode={indicator.code} unitId={u.id} unitName={`${u.name}${indicator.name}`} month={month} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
