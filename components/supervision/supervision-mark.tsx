import Link from "next/link";
import { STATUS_LABELS } from "@/lib/supervision/labels";
import type { WarningItem } from "@/lib/supervision/queries";
import { LightBadge } from "./light";

/**
 * Beside a value that misses its target: the 督办 item it already is (status and light, one click to it), or for
 * the office the link that opens one. Nothing for a value that is met or for a reader who cannot open items.
 */
export function SupervisionMark({ item, canOpen = false, indicatorCode = "", unitId = 0, unitName = "", month = "", warningKind }: {
  item: WarningItem | undefined; canOpen?: boolean; indicatorCode?: string; unitId?: number; unitName?: string; month?: string; warningKind?: string;
}) {
  if (item) {
    return (
      <Link href={`/supervision/${item.id}`} className="inline-flex items-center gap-1 whitespace-nowrap text-xs text-slate-600 hover:underline">
        督办{STATUS_LABELS[item.status]}{item.light && <LightBadge light={item.light} />}
      </Link>
    );
  }
  if (!canOpen) return null;
  const query = new URLSearchParams({ indicator: indicatorCode, unit: String(unitId), month, ...(warningKind ? { warning: warningKind } : {}) });
  return <Link href={`/supervision/new?${query}`} className="whitespace-nowrap text-xs text-blue-800 hover:underline" aria-label={`督办${unitName}`}>督办</Link>;
}
