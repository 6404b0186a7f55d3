import { formatIndicatorValue } from "@/lib/format";
import type { BoardTask } from "@/lib/plans/task-board";

const OP = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" } as const;
const UNIT = { "%": "percent", "‱": "per_ten_thousand" } as const;

/** Each target with the current city value of its indicator, when the plan's target speaks of one. */
export function TargetList({ targets }: { targets: BoardTask["targets"] }) {
  if (targets.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <ul className="space-y-0.5">
      {targets.map((t, i) => (
        <li key={i} className="whitespace-nowrap">
          <span>{t.indicatorName ?? t.text}{" "}{OP[t.op as keyof typeof OP]}{t.value}{t.unit ?? ""}</span>
          {t.indicatorCode && (
            <span className="ml-1 text-xs text-slate-500">（现{formatIndicatorValue(t.current, UNIT[t.unit as keyof typeof UNIT] ?? "count")}）</span>
          )}
        </li>
      ))}
    </ul>
  );
}
