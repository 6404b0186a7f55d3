import { ChartTable } from "@/components/charts/chart-table";
import { EChart } from "@/components/charts/chart";
import { LazyHeavyEChart } from "@/components/charts/lazy-heavy-echart";
import { formatScore } from "@/lib/format";
import type { UnitScore } from "@/lib/queries/scores";

export function DistrictRankingChart({ units, levelLabel }: { units: UnitScore[]; levelLabel: string }) {
  return (
    <>
      <EChart
        spec={{ kind: "ranking", rows: units.map((u) => ({ name: u.name, score: u.score, rank: u.rank })) }}
        height={Math.max(260, units.length * 26 + 40)}
        ariaLabel={`${levelLabel}综合得分排名条形图，第一名在最上方`}
      />
      <ChartTable caption={`${levelLabel}综合得分排名`} columns={["名次", levelLabel, "综合得分"]} rows={units.map((u) => [u.rank ?? "—", u.name, formatScore(u.score)])} />
    </>
  );
}

/** Units coloured by composite score on the uploaded boundaries (the city's districts, or a district's towns). */
export function DistrictMap({ units, map, levelLabel = "区县", height = 360 }: { units: UnitScore[]; map: { name: string; geoJson: object }; levelLabel?: string; height?: number }) {
  return (
    <>
      <LazyHeavyEChart
        spec={{ kind: "map", input: { mapName: map.name, areas: units.map((u) => ({ name: u.name, score: u.score, rank: u.rank })) } }}
        geo={{ name: map.name, geoJson: map.geoJson }}
        height={height}
        ariaLabel={`各${levelLabel}综合得分地图，颜色越深得分越高`}
      />
      <ChartTable caption={`各${levelLabel}综合得分（地图）`} columns={[levelLabel, "综合得分", "名次"]} rows={units.map((u) => [u.name, formatScore(u.score), u.rank ?? "—"])} />
    </>
  );
}
