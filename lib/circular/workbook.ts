import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { compositeScores, indicators, indicatorValues, orgUnits, warnings } from "@/db/schema";
import { formatMonthZh, type IsoMonth } from "@/lib/dates";
import { buildWorkbook, type ColumnFormat, type SheetSpec } from "@/lib/exports";
import { SCORING_METHOD_NOTE } from "@/lib/indicators/method";
import type { CircularFacts } from "./facts";

const FORMAT = { percent: "percent1", per_ten_thousand: "per10k2", count: "integer" } as const satisfies Record<string, ColumnFormat>;

/**
 * The circular's tables as a workbook: ranking, every indicator by district and town, warnings, tasks. Every
 * figure is a number with a number format (percent and per ten thousand show their sign), never text, so the
 * office can sort, sum and chart them.
 */
export async function buildCircularWorkbook(db: Db, facts: CircularFacts): Promise<Buffer> {
  const month = facts.month;
  const label = formatMonthZh(month);
  return buildWorkbook([
    {
      name: "区县排名", title: `${label}各区县综合得分排名`, note: SCORING_METHOD_NOTE,
      columns: [{ key: "rank", header: "名次", format: "integer" }, { key: "name", header: "区县" }, { key: "score", header: "综合得分", format: "decimal2" }, { key: "change", header: "名次变化", format: "rankChange" }],
      rows: facts.districts.map((d) => ({ rank: d.rank, name: d.name, score: d.score, change: d.rankChange })),
    },
    await valuesSheet(db, month),
    await warningsSheet(db, facts, label),
    {
      name: "任务", title: "逾期或预计无法按期达标的工作要点任务",
      columns: [{ key: "number", header: "序号" }, { key: "title", header: "任务", width: 50 }, { key: "deadline", header: "期限", format: "date" }, { key: "status", header: "状态" }, { key: "owners", header: "责任单位", width: 36 }],
      rows: facts.tasks.map((t) => ({ number: t.number, title: t.title, deadline: t.deadline, status: t.status === "overdue" ? "逾期" : "预计无法按期达标", owners: t.owners.join("、") })),
    },
  ], { title: `${label}信用监测通报附表` });
}

/**
 * The month's red and yellow warnings, as the circular lists them, with their figures as numbers: the value, the
 * target and red line the warning was judged against (the month's catalogue version), each in its indicator's
 * format. The facts carry only the figures' text, so the numbers are read here from the same rows, matched by
 * kind, unit and indicator in the facts' order (two towns of one name take their rows in turn).
 */
async function warningsSheet(db: Db, facts: CircularFacts, label: string): Promise<SheetSpec> {
  const rows = await db.select({
    kind: warnings.kind, unitName: orgUnits.name, indicator: indicators.name, unit: indicators.unit, direction: indicators.direction,
    value: warnings.value, target: warnings.target, redLine: warnings.redLine,
  }).from(warnings).innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId)).innerJoin(indicators, eq(indicators.code, warnings.indicatorCode))
    .where(and(eq(warnings.month, facts.month), inArray(warnings.kind, ["red", "yellow"]))).orderBy(asc(orgUnits.sortOrder));
  const queues = new Map<string, typeof rows>();
  const key = (w: { kind: string; unitName: string; indicator: string }) => `${w.kind}\u0000${w.unitName}\u0000${w.indicator}`;
  for (const row of rows) queues.set(key(row), [...(queues.get(key(row)) ?? []), row]);
  const formatOf = (row: Record<string, unknown>): ColumnFormat | undefined => FORMAT[row.format as keyof typeof FORMAT];
  return {
    name: "预警", title: `${label}红色、黄色预警`,
    columns: [
      { key: "kind", header: "类别" }, { key: "unitName", header: "单位" }, { key: "indicator", header: "指标" },
      { key: "value", header: "数值", formatOf }, { key: "direction", header: "要求", width: 8 }, { key: "target", header: "目标", formatOf },
      { key: "redLine", header: "红线", formatOf }, { key: "owners", header: "责任单位", width: 36 },
    ],
    rows: facts.warnings.map((w) => {
      const figures = queues.get(key(w))?.shift();
      return {
        kind: w.kind === "red" ? "红色预警" : "黄色预警", unitName: w.unitName, indicator: w.indicator,
        value: figures?.value ?? null, target: figures?.target ?? null, redLine: figures?.redLine ?? null,
        direction: figures ? (figures.direction === "higher" ? "不低于" : "不高于") : null, format: figures?.unit, owners: w.owners.join("、"),
      };
    }),
  };
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
