/** The shape of a monitoring page while it loads: title bar, a wide block, two panels. */
export function PageSkeleton({ blocks = [96, 360, 320] }: { blocks?: number[] }) {
  return (
    <div aria-busy="true" aria-label="正在加载" className="animate-pulse space-y-6">
      <div className="flex items-end justify-between">
        <div className="h-12 w-48 rounded bg-slate-200" />
        <div className="h-8 w-44 rounded bg-slate-200" />
      </div>
      {blocks.map((height, i) => (
        <div key={i} className="rounded-lg bg-slate-200" style={{ height }} />
      ))}
    </div>
  );
}
