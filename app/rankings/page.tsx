import { getDb } from "@/db";
import { catalogueForMonth, loadCatalogueVersions, versionInForce, versionLabel } from "@/lib/indicators/catalogue-versions";
import type { IsoMonth } from "@/lib/dates";
import { cached } from "@/lib/queries/cached";
import { requireViewer } from "@/lib/auth/request";
import type { Metadata } from "next";
import { ViewBar } from "@/components/filters/view-bar";
import { RankingHeatmap } from "@/components/rankings/ranking-heatmap";
import { RankingTable } from "@/components/rankings/ranking-table";
import { ScoringMethod } from "@/components/rankings/scoring-method";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { parseSort } from "@/lib/dashboard/sort-params";
import { getMonthItems } from "@/lib/queries/supervision";

export const metadata: Metadata = { title: "排名" };

export default async function RankingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer();
  const raw = await searchParams;
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(raw, months);
  const table = await cached.rankingTable(view.month, view.level);
  const sort = parseSort(raw, table.catalogue.map((i) => i.code));
  const [items, versions] = await Promise.all([getMonthItems(view.month), loadCatalogueVersions(getDb())]);
  // The rules shown are those the month was scored with, not today's.
  const scoredWith = catalogueForMonth(table.catalogue, versions)(view.month as IsoMonth);
  const base = viewHref("/rankings", view);
  const hrefFor = (s: { column: string; dir: string }) => `${base}${base.includes("?") ? "&" : "?"}sort=${s.column}&dir=${s.dir}`;
  return (
    <>
      <ViewBar title="排名" path="/rankings" view={view} months={months} levels />
      <div className="mb-3 flex items-center justify-between text-sm text-slate-600">
        <p>点击表头可按该列排序；数值颜色：<span className="text-green-800">达标</span>、<span className="bg-amber-50 px-1 text-amber-800">未达标</span>、<span className="bg-red-50 px-1 font-semibold text-red-700">超红线</span>；未达标的数值点开是明细，圆点是已开具的督办事项（颜色为进度）。</p>
        <a href={viewHref("/rankings/export", view)} className="no-print rounded-md border border-blue-700 px-3 py-1 text-blue-800 hover:bg-blue-50" download>
          下载Excel
        </a>
      </div>
      <RankingTable table={table} sort={sort} hrefFor={hrefFor} month={view.month} items={items} />
      <div className="mt-6 grid gap-6 xl:grid-cols-[2fr_1fr]">
        <Panel title={`${view.level === "town" ? "镇街" : "区县"}×指标得分热力图`}>
          <RankingHeatmap table={table} />
        </Panel>
        <ScoringMethod catalogue={scoredWith} version={versionLabel(versionInForce(versions, view.month))} />
      </div>
    </>
  );
}
