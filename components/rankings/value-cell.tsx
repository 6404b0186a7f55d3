import Link from "next/link";
import { LIGHT_LABELS } from "@/lib/supervision/deadline";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import type { WarningItem } from "@/lib/supervision/queries";
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

/**
 * A value coloured against its target. One that misses links to its records (where the office opens a 督办
 * item), and once it is an item, a dot in its light links to that item.
 */
export function ValueCell({ value, indicator, recordsHref, item }: {
  value: number | null; indicator: Indicator; recordsHref?: string; item?: WarningItem;
}) {
  const tone = valueTone(value, indicator);
  const text = formatIndicatorValue(value, indicator.unit);
  const missed = tone.tone === "red" || tone.tone === "yellow";
  return (
    <td className={`whitespace-nowrap px-1.5 py-1.5 text-right tabular-nums ${tone.className}`} title={tone.label}>
      {missed && recordsHref ? <Link href={recordsHref} className="hover:underline">{text}</Link> : text}
      {item && (
        <Link href={`/supervision/${item.id}`} className="ml-1 inline-block align-middle" title={`督办${STATUS_LABELS[item.status]}${item.light ? `·${LIGHT_LABELS[item.light]}` : ""}`}>
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${item.light ? DOT[item.light] : "bg-slate-400"}`} />
          <span className="sr-only">督办{STATUS_LABELS[item.status]}{item.light ? `，${LIGHT_LABELS[item.light]}` : ""}</span>
        </Link>
      )}
    </td>
  );
}

const DOT = { green: "bg-green-600", yellow: "bg-amber-400", red: "bg-red-600" } as const;
