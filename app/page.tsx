import { cached } from "@/lib/queries/cached";
import { requireViewer } from "@/lib/auth/request";
import { ViewBar } from "@/components/filters/view-bar";
import { CityHeadline } from "@/components/overview/city-headline";
import { DistrictTable } from "@/components/overview/district-table";
import { DistrictMap, DistrictRankingChart } from "@/components/overview/district-ranking";
import { IndicatorCards } from "@/components/overview/indicator-cards";
import { WarningList } from "@/components/warnings/warning-list";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { formatMonthZh } from "@/lib/dates";
import { getMonthItems } from "@/lib/queries/supervision";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const canSupervise = viewer.role === "office";
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(await searchParams, months);
  const [dashboard, districts, warnings, map, basics, items] = await Promise.all([
    cached.cityDashboard(view.month), cached.unitScores(view.month, "district"),
    cached.warnings(view.month, {}), cached.cityMap(), cached.districtOverview(view.month),
    getMonthItems(view.month),
  ]);
  if (!dashboard) return <NoData />;
  const red = warnings.filter((w) => w.kind === "red");
  const yellow = warnings.filter((w) => w.kind === "yellow");
  const trends = warnings.filter((w) => w.kind === "worsening" || w.kind === "off_track");
  const monthLabel = formatMonthZh(view.month);
  return (
    <div className="space-y-6">
      <ViewBar title="总览" subtitle={`${dashboard.city.name} · ${monthLabel}`} path="/" view={view} months={months} />
      <CityHeadline data={dashboard} />
      <Panel title="各项指标">
        <IndicatorCards cards={dashboard.cards} month={view.month} />
      </Panel>
      <div className="grid gap-6 xl:grid-cols-2">
        <Panel title="区县综合排名" actions={<a href={viewHref("/rankings", view)} className="text-sm text-blue-800 hover:underline">查看完整排名</a>}>
          <DistrictRankingChart units={districts} levelLabel="区县" />
        </Panel>
        <Panel title="区县综合得分地图">
          {map ? <DistrictMap units={districts} map={map} /> : <p className="text-sm text-slate-500">尚未上传本市区县边界（GeoJSON），上传后在此显示地图。</p>}
        </Panel>
      </div>
      <Panel title={`红色预警（${red.length}）`} id="red-warnings">
        <WarningList warnings={red} month={view.month} empty="本月无红色预警。" canSupervise={canSupervise} items={items} />
      </Panel>
      <Panel title={`黄色预警（${yellow.length}）`}>
        <details>
          <summary className="cursor-pointer text-sm text-slate-600">未达目标但未超红线的{yellow.length}项，展开查看</summary>
          <div className="mt-2"><WarningList warnings={yellow} month={view.month} empty="本月无黄色预警。" canSupervise={canSupervise} items={items} /></div>
        </details>
      </Panel>
      <Panel title={`连续恶化与预计无法按期达标（${trends.length}）`}>
        <details>
          <summary className="cursor-pointer text-sm text-slate-600">连续三个月变差，或按近六个月走势到工作要点期限达不到目标的{trends.length}项，展开查看</summary>
          <h3 className="mt-3 text-sm font-semibold text-slate-700">连续恶化</h3>
          <WarningList warnings={trends.filter((w) => w.kind === "worsening")} month={view.month} empty="本月无连续恶化的指标。" canSupervise={canSupervise} items={items} />
          <h3 className="mt-3 text-sm font-semibold text-slate-700">预计无法按期达标（目标为工作要点所定）</h3>
          <WarningList warnings={trends.filter((w) => w.kind === "off_track")} month={view.month} empty="本月无预计无法按期达标的指标。" canSupervise={canSupervise} items={items} />
        </details>
      </Panel>
      <DistrictTable rows={basics} monthLabel={monthLabel} />
    </div>
  );
}
