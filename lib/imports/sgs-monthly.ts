import { eq } from "drizzle-orm";
import { orgUnits } from "@/db/schema";
import { monthlyProblems, storeMonthlyFigures } from "@/lib/sgs/monthly";
import { noteProblems, problemReasons, rejectRow, type DatasetHandler } from "./batch";
import { num, str } from "./fields";
import { SGS_MONTHLY_LAYOUT } from "./layouts/sgs-monthly";
import { loadCityUnits, type CityUnits } from "./place";

/** 许可 or 处罚, as forms write it. */
export function sgsKindOf(text: string | null): "license" | "penalty" | null {
  if (!text) return null;
  if (/处罚|CF/i.test(text)) return "penalty";
  if (/许可|XK/i.test(text)) return "license";
  return null;
}

/** The 双公示情况表 from a file: one line per month, district (or the city) and kind. */
export const sgsMonthlyHandler = (): DatasetHandler => {
  let units: CityUnits | null = null;
  let cityId: number | null = null;
  return {
    layout: SGS_MONTHLY_LAYOUT,
    storeChunk: async (ctx, rows) => {
      units ??= await loadCityUnits(ctx.tx);
      cityId ??= (await ctx.tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, "city")))[0]?.id ?? null;
      for (const row of rows) {
        const kind = sgsKindOf(str(row.fields.kind));
        if (!kind) {
          rejectRow(ctx, row.rowNumber, row.cells, "类别", `类别应为行政许可或行政处罚，实为“${str(row.fields.kind)}”`);
          continue;
        }
        const written = str(row.fields.district);
        const orgUnitId = written ? units.districtByCode.get(written) ?? units.districts.find((d) => d.name === written)?.id ?? null : cityId;
        if (!orgUnitId) {
          rejectRow(ctx, row.rowNumber, row.cells, "区县", `“${written}”不是本市的区县`);
          continue;
        }
        const figures = {
          month: str(row.fields.month)!, departmentId: ctx.department!.id, orgUnitId, kind, decisions: num(row.fields.decisions)!,
          publishedOwnSite: num(row.fields.publishedOwnSite), reported: num(row.fields.reported), notReported: num(row.fields.notReported),
          notReportedGrounds: str(row.fields.notReportedGrounds),
        };
        if ([figures.decisions, figures.publishedOwnSite, figures.reported, figures.notReported].some((n) => n !== null && n < 0)) {
          rejectRow(ctx, row.rowNumber, row.cells, null, "数字不能为负数");
          continue;
        }
        noteProblems(ctx, row, [...problemReasons(row), ...monthlyProblems(figures)]);
        const outcome = await storeMonthlyFigures(ctx.tx, figures, new Date().toISOString());
        ctx.counts[outcome]++;
        if (outcome !== "unchanged") ctx.months.add(figures.month);
      }
    },
  };
};
