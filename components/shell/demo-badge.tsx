export function DemoBadge() {
  return (
    <span
      className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800"
      title="当前显示的是虚构的示范市数据，仅供演示"
    >
      演示数据
    </span>
  );
}
