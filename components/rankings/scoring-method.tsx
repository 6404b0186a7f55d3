import type { CatalogueEntry } from "@/lib/queries/catalogue";
import { formatIndicatorValue } from "@/lib/format";
import { SCORING_METHOD_NOTE } from "@/lib/indicators/method";
import { Panel } from "@/components/ui/panel";

/** The scoring method beside the numbers, so a district can see why it ranks where it does. */
/** The rules a month was scored with, named by the catalogue version they come from. */
export function ScoringMethod({ catalogue, version }: { catalogue: CatalogueEntry[]; version: string }) {
  return (
    <Panel title="评分方法（本系统自定）">
      <p className="text-sm leading-6 text-slate-700">{SCORING_METHOD_NOTE}</p>
      <p className="mt-1 text-xs text-slate-500">本月计分所用：{version}（信用办在“设置 → 指标目录”中维护）</p>
      <table className="mt-3 w-full text-xs">
        <caption className="sr-only">各指标目标值、红线、零分点和权重</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 text-left font-medium">指标</th>
            <th scope="col" className="py-1 text-right font-medium">目标</th>
            <th scope="col" className="py-1 text-right font-medium">红线</th>
            <th scope="col" className="py-1 text-right font-medium">零分点</th>
            <th scope="col" className="py-1 text-right font-medium">权重</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.map((i) => (
            <tr key={i.code} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">{i.name}</th>
              <td className="py-1 text-right tabular-nums">{i.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(i.target, i.unit)}</td>
              <td className="py-1 text-right tabular-nums">{i.direction === "higher" ? "<" : ">"}{formatIndicatorValue(i.redLine, i.unit)}</td>
              <td className="py-1 text-right tabular-nums">{formatIndicatorValue(i.zeroPoint, i.unit)}</td>
              <td className="py-1 text-right tabular-nums">{i.weight}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
