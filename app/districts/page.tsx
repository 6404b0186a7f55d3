

import { cached } from "@/lib/queries/cached";
import type { Metadata } from "next";
import { ViewBar } from "@/components/filters/view-bar";
import { DistrictRankingChart } from "@/components/overview/district-ranking";
import { RankingTable } from "@/components/rankings/ranking-table";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth/request";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { getViewerScope } from "@/lib/queries/viewer-scope";
import { getMonthItems } from "@/lib/queries/supervision";

export const metadata: Metadata = { title: "区县" };

export default async function DistrictsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  // A district office's 区县 is its own district.
  if (viewer.role === "district") redirect(`/districts/${(await getViewerScope(viewer)).districtCode ?? ""}`);
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(await searchParams, months);
  const table = await cached.rankingTable(view.month, view.level);
  const levelLabel = view.level === "town" ? "镇街" : "区县";
  const items = await getMonthItems(view.month);
  return (
    <div className="space-y-6">
      <ViewBar title={levelLabel} subtitle={`点击${levelLabel}名称查看其指标、短板和走势`} path="/districts" view={view} months={months} levels />
      <Panel title={`${levelLabel}综合得分`}>
        <DistrictRankingChart units={table.rows} levelLabel={levelLabel} />
      </Panel>
      <RankingTable table={table} sort={{ column: "rank", dir: "asc" }} hrefFor={(s) => `${viewHref("/rankings", view)}${view.month ? "&" : "?"}sort=${s.column}&dir=${s.dir}`} month={view.month} items={items} />
    </div>
  );
}
