import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { compositeScores, indicators, indicatorValues, orgUnits } from "@/db/schema";
import { formatMonthZh, type IsoMonth } from "@/lib/dates";
import { buildWorkbook, type SheetSpec } from "@/lib/exports";
import { SCORING_METHOD_NOTE } from "@/lib/indicators/method";
import type { CircularFacts } from "./facts";

const FORMAT = { percent: "percent1", per_ten_thousand: "per10k2", count: "integer" } as const;

/** The circular's tables as a workbook: ranking, every indicator by district and town, warnings, tasks. */
export async function buildCircularWorkbook(db: Db, facts: CircularFacts): Promise<Buffer> {
  const month = facts.month;
  const label = formatMonthZh(month);
  return buildWorkbook([
    {
      name: "区县排名", title: `${label}各区县综合得分排名`, note: SCORING_METHOD_NOTE,
      columns: [{ key: "rank", header: "名次", format: "integer" }, { key: "name", header: "区县" }, { key: "score", header: "综合得分", format: "decimal2" }, { key: "change", header: "名次变化", format: "integer" }],
      rows: facts.districts.map((d) => ({ rank: d.rank, name: d.name, score: d.score, change: d.rankChange })),
    },
    await valuesSheet(db, month),
    {
      name: "预警", title: `${label}红色、黄色预警`,
      columns: [{ key: "kind", header: "类别" }, { key: "unit", header: "单位" }, { key: "indicator", header: "指标" }, { key: "value", header: "数值" }, { key: "target", header: "目标" }, { key: "owners", header: "责任单位", width: 36 }],
      rows: facts.warnings.map((w) => ({ kind: w.kind === "red" ? "红色预警" : "黄色预警", unit: w.unitName, indicator: w.indicator, value: w.valueText, target: w.targetText, owners: w.owners.join("、") })),
    },
    {
      name: "任务", title: "逾期或预计无法按期达标的工作要点任务",
      columns: [{ key: "number", header: "序号" }, { key: "title", header: "任务", width: 50 }, { key: "deadline", header: "期限" }, { key: "status", header: "状态" }, { key: "owners", header: "责任单位", width: 36 }],
      rows: facts.tasks.map((t) => ({ number: t.number, title: t.title, deadline: t.deadline, status: t.status === "overdue" ? "逾期" : "预计无法按期达标", owners: t.owners.join("、") })),
    },
  ], { title: `${label}信用监测通报附表` });
}

async function valuesSheet(db: Db, month: IsoMonth): Promise<SheetSpec> {
  const [catalogue, units, values, scores] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder)),
    db.select().from(orgUnits).orderBy(asc(orgUnits.level), asc(orgUnits.sortOrder)),
    db.select().from(indicatorValues).where(eq(indicatorValues.month, month)),
    db.select().from(compositeScores).where(and(eq(compositeScores.month, month))),
  ]);
  const parentName = new Map(units.map((u) => [u.id, u.name]));
  const order = { city: 0, district: 1, town: 2 } as const;
  const sorted = [...units].sort((a, b) => order[a.level] - order[b.level] || (a.level === "town" ? (a.parentId ?? 0) - (b.parentId ?? 0) : 0) || a.sortOrder - b.sortOrder);
  return {
    name: "指标值", title: `${formatMonthZh(month)}各区县、镇街指标值`,
    columns: [
      { key: "level", header: "层级", width: 6 }, { key: "district", header: "区县" }, { key: "town", header: "镇街" },
      { key: "score", header: "综合得分", format: "decimal2" }, { key: "rank", header: "名次", format: "integer" },
      ...catalogue.map((i) => ({ key: i.code, header: i.name, format: FORMAT[i.unit] })),
    ],
    rows: sorted.map((u) => {
      const s = scores.find((x) => x.orgUnitId === u.id);
      return {
        level: u.level === "city" ? "全市" : u.level === "district" ? "区县" : "镇街",
        district: u.level === "town" ? parentName.get(u.parentId ?? -1) : u.name, town: u.level === "town" ? u.name : "",
        score: s?.score ?? null, rank: s?.rank ?? null,
        ...Object.fromEntries(catalogue.map((i) => [i.code, values.find((v) => v.orgUnitId === u.id && v.indicatorCode === i.code)?.value ?? null])),
      };
    }),
  };
}
