/** A change against last month: arrow, amount, and green when it is an improvement. */
export function Delta({ change, better, unit = "", label }: { change: number | null; better: "higher" | "lower"; unit?: string; label?: string }) {
  if (change === null || Number.isNaN(change)) return <span className="text-xs text-slate-400">—</span>;
  if (Math.abs(change) < 1e-9) return <span className="text-xs text-slate-500">持平</span>;
  const improved = better === "higher" ? change > 0 : change < 0;
  const text = `${change > 0 ? "↑" : "↓"}${Math.abs(change).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}${unit}`;
  return (
    <span className={`text-xs font-medium ${improved ? "text-green-700" : "text-red-700"}`} aria-label={`${label ?? "较上月"}${change > 0 ? "上升" : "下降"}${Math.abs(change)}${unit}`}>
      {text}
    </span>
  );
}

/** Rank change: positive means the unit rose. */
export function RankDelta({ change }: { change: number | null }) {
  if (change === null) return <span className="text-xs text-slate-400">—</span>;
  if (change === 0) return <span className="text-xs text-slate-500">—持平</span>;
  return (
    <span className={`text-xs font-medium ${change > 0 ? "text-green-700" : "text-red-700"}`} aria-label={`名次${change > 0 ? "上升" : "下降"}${Math.abs(change)}位`}>
      {change > 0 ? "▲" : "▼"}{Math.abs(change)}
    </span>
  );
}
