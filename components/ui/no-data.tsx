import { EmptyState } from "./empty-state";

/** The empty state of every monitoring page: what to run to get numbers on screen. */
export function NoData() {
  return (
    <EmptyState title="尚无指标数据">
      <p>数据库中还没有计算好的指标。可先载入示范市演示数据：</p>
      <p className="mt-2"><code className="rounded bg-slate-100 px-1">npm run db:seed</code></p>
      <p className="mt-2">载入本市数据后，运行 <code className="rounded bg-slate-100 px-1">npm run compute</code> 计算各月指标。</p>
    </EmptyState>
  );
}
