import type { SheetSpec } from "@/lib/exports";
import { formatMonthZh } from "@/lib/dates";
import { SCORING_METHOD_NOTE } from "@/lib/indicators/method";
import type { RankingTable } from "@/lib/queries/rankings";

const FORMAT = { percent: "percent1", per_ten_thousand: "per10k2", count: "integer" } as const;

/** The ranking table as a spreadsheet: one row per unit, one column per indicator value. */
export function rankingSheet(table: RankingTable): SheetSpec {
  const levelLabel = table.level === "town" ? "镇街" : "区县";
  return {
    name: `${levelLabel}排名`,
    title: `${formatMonthZh(table.month)}${levelLabel}信用监测综合排名`,
    note: `数据截至${formatMonthZh(table.month)}末。${SCORING_METHOD_NOTE}`,
    columns: [
      { key: "rank", header: "名次", format: "integer", width: 6 },
      { key: "rankChange", header: "名次变化", format: "integer", width: 9 },
      { key: "name", header: levelLabel, format: "text" },
      ...(table.level === "town" ? [{ key: "parentName", header: "所属区县", format: "text" as const }] : []),
      { key: "score", header: "综合得分", format: "decimal2", width: 10 },
      ...table.catalogue.map((i) => ({ key: i.code, header: i.name, format: FORMAT[i.unit] })),
    ],
    rows: table.rows.map((r) => ({
      rank: r.rank, rankChange: r.rankChange, name: r.name, parentName: r.parentName, score: r.score,
      ...Object.fromEntries(table.catalogue.map((i) => [i.code, r.cells[i.code]?.value ?? null])),
    })),
  };
}
