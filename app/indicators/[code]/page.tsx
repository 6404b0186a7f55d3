import Link from "next/link";
import { SupervisionMark } from "@/components/supervision/supervision-mark";
import { cached } from "@/lib/queries/cached";
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { ChartTable } from "@/components/charts/chart-table";
import { EChart } from "@/components/charts/chart";
import { ViewBar } from "@/components/filters/view-bar";
import { DrilldownTable } from "@/components/indicators/drilldown-table";
import { IndicatorDefinition } from "@/components/indicators/indicator-definition";
import { UnitComparison } from "@/components/indicators/unit-comparison";
import { NoData } from "@/components/ui/no-data";
import { Panel } from "@/components/ui/panel";
import { requireViewer } from "@/lib/auth/request";
import { parseDrilldownParams } from "@/lib/dashboard/drilldown-params";
import { parseViewParams, viewHref } from "@/lib/dashboard/params";
import { formatMonthZh } from "@/lib/dates";
import { formatIndicatorValue } from "@/lib/format";
import { getDrilldown } from "@/lib/queries/drilldown";
import { getMonthItems } from "@/lib/queries/supervision";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `指标 ${(await params).code}` };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { code } = await params;
  const raw = await searchParams;
  const months = await cached.months();
  if (months.length === 0) return <NoData />;
  const view = parseViewParams(raw, months);
  const detail = await cached.indicatorDetail(code, view.month, view.level);
  if (!detail) notFound();
  // A district office's records start at its own district.
  const drill = parseDrilldownParams(raw, viewer.districtId ?? detail.city.id);
  const records = await getDrilldown(viewer, { indicatorCode: code, orgUnitId: drill.unit, month: view.month, page: drill.page, search: drill.q });
  if (records === "forbidden") forbidden();
  const { indicator } = detail;
  const items = await getMonthItems(view.month);
  // An entered indicator has no records, but its drilled unit's value can still be handed over as a 督办 item.
  const drilledUnitId = records ? records.unit.id : indicator.source === "entered" ? drill.unit : null;
  const drilledItem = drilledUnitId ? items.get(`${indicator.code}|${drilledUnitId}`) : undefined;
  const path = `/indicators/${code}`;
  const query = (extra: Record<string, string | number>) => {
    const q = new URLSearchParams({ month: view.month, ...(view.level === "town" ? { level: "town" } : {}), unit: String(drill.unit), ...(drill.q ? { q: drill.q } : {}) });
    for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
    return q.toString();
  };
  return (
    <div className="space-y-6">
      <ViewBar title={indicator.name} subtitle={`${indicator.category} · ${formatMonthZh(view.month)}`} path={path} view={view} months={months} levels />
      <IndicatorDefinition indicator={indicator} />
      <div className="grid gap-6 xl:grid-cols-2">
        <Panel title={`${detail.city.name}近24个月走势（虚线为目标值）`}>
          <EChart spec={{ kind: "trend", input: { months: detail.months, series: [{ name: detail.city.name, values: detail.cityTrend }], target: indicator.target, unit: indicator.unit } }}
            height={260} ariaLabel={`${detail.city.name}${indicator.name}近24个月走势与目标值`} />
          <ChartTable caption={`${detail.city.name}${indicator.name}近24个月`} columns={["月份", "数值"]}
            rows={detail.months.map((m, i) => [formatMonthZh(m), formatIndicatorValue(detail.cityTrend[i], indicator.unit)])} />
        </Panel>
        <Panel title={`各${view.level === "town" ? "镇街" : "区县"}比较`}>
          <UnitComparison detail={detail} hrefFor={(unitId) => `${path}?${query({ unit: unitId, page: 1 })}#records`} month={view.month} items={items} canOpen={viewer.role === "office"} />
        </Panel>
      </div>
      <Panel id="records" title={records ? `${records.unit.name}：${records.title}（${formatMonthZh(view.month)}）` : "明细"}
        actions={drilledUnitId && (drilledItem || viewer.role === "office") ? (
          // Any value of a unit can be handed over as a 督办 item with these records, not only a warning; once it is one, its state shows.
          drilledItem
            ? <SupervisionMark item={drilledItem} />
            : <Link href={`/supervision/new?indicator=${indicator.code}&unit=${drilledUnitId}&month=${view.month}`} className="text-sm text-blue-800 hover:underline">督办此项</Link>
        ) : undefined}>
        {records ? (
          <DrilldownTable data={records} hrefFor={(page) => `${path}?${query({ page })}#records`}
            search={{ action: `${path}#records`, hidden: { month: view.month, unit: String(drill.unit), ...(view.level === "town" ? { level: "town" } : {}) }, value: drill.q }}
            exportHref={`${path}/export?${query({})}`} />
        ) : <p className="text-sm text-slate-500">{indicator.source === "entered" ? "人工填报指标：数值由信用办按月填报，没有逐条记录；各单位的数值见上方比较。" : "该指标暂无明细。"}</p>}
      </Panel>
      <p className="text-sm"><a href={viewHref("/rankings", view)} className="text-blue-800 hover:underline">返回排名</a></p>
    </div>
  );
}
