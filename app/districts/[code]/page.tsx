import { cached } from "@/lib/queries/cached";
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ChartTable } from "@/components/charts/chart-table";
import { EChart } from "@/components/charts/chart";
import { DistrictIndicators } from "@/components/districts/district-indicators";
import { WeakIndicators } from "@/components/districts/weak-indicators";
import { ViewBar } from "@/components/filters/view-bar";
import { RankDelta } from "@/components/ui/delta";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { requireViewer } from "@/lib/auth/request";
import { canSeeUnit } from "@/lib/auth/scope";
import { formatMonthZh, todayInChina } from "@/lib/dates";
import { formatScore } from "@/lib/format";
import { ItemTable } from "@/components/supervision/item-table";
import { DistrictMap } from "@/components/overview/district-ranking";
import { mapOfUnits } from "@/lib/maps/geojson";
import { getDb } from "@/db";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { itemsOfDistrict } from "@/lib/supervision/queries";
import { getMonthItems } from "@/lib/queries/supervision";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `区县 ${(await params).code}` };
}

export default async function DistrictPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { code } = await params;
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(await searchParams, months);
  const detail = await cached.districtDetail(code, view.month);
  if (!detail) notFound();
  if (!canSeeUnit(viewer, detail.unit)) forbidden();
  const { unit, score } = detail;
  const levelLabel = unit.level === "town" ? "镇街" : "区县";
  const db = getDb();
  const calendar = await loadWorkCalendar(db);
  const [all, items, townMap] = await Promise.all([
    unit.level === "district" ? itemsOfDistrict(db, unit.id, calendar, todayInChina()) : Promise.resolve([]),
    getMonthItems(view.month),
    unit.level === "district" && detail.towns.length > 0 ? cached.townMap() : Promise.resolve(null),
  ]);
  // The city's town boundaries cut down to this district's towns, when the office has uploaded them.
  const ownTownMap = townMap && mapOfUnits(townMap, `${townMap.name}-${unit.code}`, new Set(detail.towns.map((t) => t.code)));
  const supervised = all.filter((i) => i.status !== "accepted");
  return (
    <div className="space-y-6">
      <ViewBar title={unit.name} subtitle={`${unit.parentName ? `${unit.parentName} · ` : ""}${formatMonthZh(view.month)}`} path={`/districts/${code}`} view={view} months={months} />
      <div className="flex flex-wrap items-baseline gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <span className="text-sm text-slate-500">综合得分</span>
        <span className="text-3xl font-semibold tabular-nums">{formatScore(score?.score ?? null)}</span>
        <span className="text-lg">{score?.rank ? `全市${levelLabel}第${score.rank}名` : "暂无名次"}<span className="text-sm text-slate-500"> / {detail.peers}</span></span>
        <RankDelta change={score?.rankChange ?? null} />
      </div>
      {unit.level === "district" && (
        <Panel title={`本区县的督办事项（未办结 ${supervised.length} 件）`}>
          {supervised.length === 0 ? <p className="text-sm text-slate-500">没有待办的督办事项。</p> : <ItemTable items={supervised} caption="本区县的督办事项" />}
        </Panel>
      )}
      <Panel title="拖分最多的指标（按对综合得分的影响排序）">
        <WeakIndicators detail={detail} month={view.month} />
      </Panel>
      <Panel title="各项指标与目标、全市比较">
        <DistrictIndicators detail={detail} month={view.month} items={items} canOpen={viewer.role === "office"} />
      </Panel>
      <Panel title="近24个月综合得分">
        <EChart spec={{ kind: "trend", input: { months: detail.months, series: [{ name: unit.name, values: detail.composite }], unit: "score" } }} height={240} ariaLabel={`${unit.name}近24个月综合得分走势`} />
        <ChartTable caption={`${unit.name}近24个月综合得分与名次`} columns={["月份", "综合得分", "名次"]}
          rows={detail.months.map((m, i) => [formatMonthZh(m), formatScore(detail.composite[i]), detail.ranks[i] ?? "—"])} />
      </Panel>
      {ownTownMap && (
        <Panel title="下辖镇街地图">
          <DistrictMap units={detail.towns} map={ownTownMap} levelLabel="镇街" height={320} />
        </Panel>
      )}
      {unit.level === "district" && (
        <Panel title="下辖镇街排名">
          {detail.towns.length === 0 ? <p className="text-sm text-slate-500">暂无镇街数据。</p> : (
            <table className="w-full text-sm">
              <caption className="sr-only">{unit.name}下辖镇街综合得分</caption>
              <thead className="text-xs text-slate-500">
                <tr><th scope="col" className="py-1 text-left font-medium">全市镇街名次</th><th scope="col" className="py-1 text-left font-medium">镇街</th><th scope="col" className="py-1 text-right font-medium">综合得分</th><th scope="col" className="py-1 text-right font-medium">变化</th></tr>
              </thead>
              <tbody>
                {detail.towns.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100">
                    <td className="py-1 tabular-nums">{t.rank ?? "—"}</td>
                    <th scope="row" className="py-1 text-left font-normal"><Link href={viewHref(`/districts/${t.code}`, view)} className="text-blue-800 hover:underline">{t.name}</Link></th>
                    <td className="py-1 text-right tabular-nums">{formatScore(t.score)}</td>
                    <td className="py-1 text-right"><RankDelta change={t.rankChange} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Panel>
      )}
    </div>
  );
}
