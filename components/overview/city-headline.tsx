import { ChartTable } from "@/components/charts/chart-table";
import { EChart } from "@/components/charts/chart";
import { Delta, RankDelta } from "@/components/ui/delta";
import { formatMonthZh } from "@/lib/dates";
import { formatScore } from "@/lib/format";
import type { CityDashboard } from "@/lib/queries/city";

/** The city's composite score and national rank, with their 24-month trends. */
export function CityHeadline({ data }: { data: CityDashboard }) {
  const last = data.composite.length - 1;
  const score = data.composite[last] ?? null;
  const previous = data.composite[last - 1] ?? null;
  const rank = data.nationalRank[last];
  const previousRank = data.nationalRank[last - 1]?.rank ?? null;
  const rankChange = rank?.rank != null && previousRank != null ? previousRank - rank.rank : null;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-baseline gap-3">
          <span className="text-sm text-slate-500">全市综合得分</span>
          <span className="text-3xl font-semibold tabular-nums">{formatScore(score)}</span>
          <Delta change={score !== null && previous !== null ? Math.round((score - previous) * 100) / 100 : null} better="higher" unit="分" />
        </div>
        <EChart spec={{ kind: "trend", input: { months: data.months, series: [{ name: "综合得分", values: data.composite }], unit: "score" } }} height={180} ariaLabel="全市综合得分近24个月走势" />
        <ChartTable caption="全市综合得分近24个月" columns={["月份", "综合得分"]} rows={data.months.map((m, i) => [formatMonthZh(m), formatScore(data.composite[i])])} />
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex items-baseline gap-3">
          <span className="text-sm text-slate-500">全国城市信用监测排名</span>
          <span className="text-3xl font-semibold tabular-nums">{rank?.rank != null ? `第${rank.rank}名` : "无数据"}</span>
          {rank?.totalCities && <span className="text-sm text-slate-500">/ {rank.totalCities}个城市</span>}
          <RankDelta change={rankChange} />
        </div>
        <EChart spec={{ kind: "trend", input: { months: data.months, series: [{ name: "全国排名", values: data.nationalRank.map((r) => r.rank) }], unit: "rank" } }} height={180} ariaLabel="全国排名近24个月走势，越靠上名次越好" />
        <ChartTable caption="全国排名近24个月" columns={["月份", "名次"]} rows={data.months.map((m, i) => [formatMonthZh(m), data.nationalRank[i]?.rank != null ? `第${data.nationalRank[i]!.rank}名` : "无数据"])} />
      </div>
    </div>
  );
}
