import { ChartTable } from "@/components/charts/chart-table";
import { LazyHeavyEChart } from "@/components/charts/lazy-heavy-echart";
import { formatIndicatorValue, formatScore } from "@/lib/format";
import type { RankingTable } from "@/lib/queries/rankings";

/** Units × indicators coloured by score, with the same numbers as a table for screen readers and print. */
export function RankingHeatmap({ table }: { table: RankingTable }) {
  const units = table.rows.map((r) => r.name);
  const cells = table.rows.flatMap((r) =>
    table.catalogue.map((i) => ({
      unit: r.name, indicator: i.code, score: r.cells[i.code]?.score ?? null,
      label: formatIndicatorValue(r.cells[i.code]?.value ?? null, i.unit),
    })),
  );
  return (
    <>
      <LazyHeavyEChart
        spec={{ kind: "heatmap", input: { units, indicators: table.catalogue.map((i) => ({ code: i.code, name: i.name })), cells } }}
        height={Math.max(320, units.length * 28 + 140)}
        ariaLabel="各单位各项指标得分热力图，颜色越绿得分越高"
      />
      <ChartTable
        caption="各单位各项指标得分"
        columns={["单位", ...table.catalogue.map((i) => i.name)]}
        rows={table.rows.map((r) => [r.name, ...table.catalogue.map((i) => formatScore(r.cells[i.code]?.score ?? null))])}
      />
    </>
  );
}
