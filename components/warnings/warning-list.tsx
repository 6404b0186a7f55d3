import Link from "next/link";
import type { WarningRow } from "@/lib/queries/warnings";
import { formatIndicatorValue } from "@/lib/format";
import { viewHref } from "@/lib/dashboard/params";
import type { WarningItem } from "@/lib/supervision/queries";
import { SupervisionMark } from "@/components/supervision/supervision-mark";

const KIND_LABEL = { red: "红色预警", yellow: "黄色预警", worsening: "连续恶化", off_track: "预计无法按期达标" } as const;
const CHIP = {
  red: "border-red-300 bg-red-50 text-red-800 hover:bg-red-100",
  yellow: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  worsening: "border-orange-300 bg-orange-50 text-orange-900 hover:bg-orange-100",
  off_track: "border-purple-300 bg-purple-50 text-purple-900 hover:bg-purple-100",
} as const;

/**
 * Warnings grouped by indicator: which units are affected (each a link to its records), the target,
 * and the departments that own it. One row per indicator keeps a month's warnings on one screen.
 */
export function WarningList({ warnings, month, empty = "本月无预警。", canSupervise = false, items }: {
  warnings: WarningRow[]; month: string; empty?: string; canSupervise?: boolean;
  /** 督办 items of the month by `indicator|unit`: a warning with one shows its status and light instead of the 督办 link. */
  items?: Map<string, WarningItem>;
}) {
  if (warnings.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  const groups = new Map<string, WarningRow[]>();
  for (const w of warnings) groups.set(w.indicator.code, [...(groups.get(w.indicator.code) ?? []), w]);
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">预警明细</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 text-left font-medium">指标</th>
          <th scope="col" className="py-1 pr-3 text-left font-medium">涉及单位（点击查看明细）</th>
          <th scope="col" className="py-1 text-left font-medium">责任单位</th>
        </tr>
      </thead>
      <tbody>
        {[...groups.values()].map((rows) => {
          const { indicator, target, owners } = rows[0]!;
          return (
            <tr key={indicator.code} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-2 pr-3 text-left font-medium">
                <Link href={viewHref(`/indicators/${indicator.code}`, { month })} className="text-blue-900 hover:underline">{indicator.name}</Link>
                <div className="text-xs font-normal text-slate-500">目标{indicator.direction === "higher" ? "≥" : "≤"}{formatIndicatorValue(target, indicator.unit)}</div>
              </th>
              <td className="py-2 pr-3">
                <ul className="flex flex-wrap gap-1.5">
                  {rows.map((w) => (
                    <li key={`${w.kind}-${w.unit.id}`}>
                      <Link
                        href={`${viewHref(`/indicators/${indicator.code}`, { month })}&unit=${w.unit.id}#records`}
                        className={`inline-block rounded border px-1.5 py-0.5 text-xs ${CHIP[w.kind]}`}
                      >
                        {/* The kind is read out first; the visible text stays the start of the link's name. */}
                        <span className="sr-only">{KIND_LABEL[w.kind]}：</span>
                        {w.unit.name} <span className="tabular-nums font-semibold">{formatIndicatorValue(w.value, indicator.unit)}</span>
                      </Link>
                      {/* The office turns a warning into a 督办 item where it sees it; once it is one, its state shows. */}
                      <span className="ml-1"><SupervisionMark item={items?.get(`${indicator.code}|${w.unit.id}`)} canOpen={canSupervise} indicatorCode={indicator.code}
                        unitId={w.unit.id} unitName={`${w.unit.name}${indicator.name}`} month={month} warningKind={w.kind} /></span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-2 text-xs text-slate-600">{owners.map((o) => o.name).join("、")}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
