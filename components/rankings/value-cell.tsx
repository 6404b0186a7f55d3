import type { Indicator } from "@/db/schema";
import { formatIndicatorValue } from "@/lib/format";
import { isPastRedLine, meetsTarget } from "@/lib/indicators/scoring";

/** A value coloured against its target: green met, amber short, red past the red line. */
export function valueTone(value: number | null, indicator: Pick<Indicator, "direction" | "target" | "redLine" | "zeroPoint">) {
  if (value === null) return { tone: "none", className: "text-slate-400", label: "无数据" } as const;
  if (isPastRedLine(value, indicator)) return { tone: "red", className: "bg-red-50 font-semibold text-red-700", label: "红线" } as const;
  if (!meetsTarget(value, indicator)) return { tone: "yellow", className: "bg-amber-50 text-amber-800", label: "未达标" } as const;
  return { tone: "met", className: "text-green-800", label: "达标" } as const;
}

export function ValueCell({ value, indicator }: { value: number | null; indicator: Indicator }) {
  const tone = valueTone(value, indicator);
  return (
    <td className={`whitespace-nowrap px-1.5 py-1.5 text-right tabular-nums ${tone.className}`} title={tone.label}>
      {formatIndicatorValue(value, indicator.unit)}
    </td>
  );
}
