import { and, eq } from "drizzle-orm";
import { enteredValues, indicators, orgUnits, type Indicator, type OrgUnit } from "@/db/schema";
import { checkEnteredValue } from "@/lib/indicators/entered";
import type { Tx } from "@/lib/write";
import { noteProblems, problemReasons, rejectRow, type BatchContext, type DatasetHandler, type PendingRow } from "./batch";
import { str } from "./fields";
import { INDICATOR_VALUES_LAYOUT } from "./layouts/indicator-values";

/** Why a row with no value is rejected rather than clearing the value entered before. */
const BLANK = `数值为空，${INDICATOR_VALUES_LAYOUT.columns.find((c) => c.field === "value")!.rejectNote}`;

/** A name as people type it: full-width forms folded, every space removed. */
const key = (text: string) => text.normalize("NFKC").replace(/\s/g, "");

interface Lookups {
  indicatorByKey: Map<string, Indicator>;
  unitsByKey: Map<string, OrgUnit[]>;
}

async function loadLookups(tx: Tx): Promise<Lookups> {
  const [all, units] = await Promise.all([tx.select().from(indicators), tx.select().from(orgUnits)]);
  const indicatorByKey = new Map<string, Indicator>();
  for (const i of all) {
    indicatorByKey.set(key(i.name), i);
    indicatorByKey.set(key(i.code).toLowerCase(), i);
  }
  const unitsByKey = new Map<string, OrgUnit[]>();
  const add = (k: string, unit: OrgUnit) => unitsByKey.set(k, [...(unitsByKey.get(k) ?? []).filter((u) => u.id !== unit.id), unit]);
  for (const u of units) {
    add(key(u.name), u);
    add(key(u.code), u);
    if (u.level === "city") add("全市", u);
  }
  return { indicatorByKey, unitsByKey };
}

/** The row's indicator and unit, or the row rejected with the column and the reason. */
function resolve(ctx: BatchContext, row: PendingRow, month: string, lookups: Lookups): { indicator: Indicator; unit: OrgUnit } | null {
  const name = str(row.fields.indicator)!;
  const indicator = lookups.indicatorByKey.get(key(name)) ?? lookups.indicatorByKey.get(key(name).toLowerCase());
  if (!indicator) {
    rejectRow(ctx, row.rowNumber, row.cells, "指标", `指标目录中没有“${name}”`);
    return null;
  }
  if (indicator.source !== "entered") {
    rejectRow(ctx, row.rowNumber, row.cells, "指标", `${indicator.name}由记录计算得出，不能导入数值`);
    return null;
  }
  const written = str(row.fields.unit)!;
  const named = lookups.unitsByKey.get(key(written)) ?? [];
  // A name shared by a unit retired before the month and its successor means the one standing then.
  const standing = named.filter((u) => !u.retiredFrom || u.retiredFrom > month);
  const units = named.length > 1 && standing.length === 1 ? standing : named;
  if (units.length !== 1) {
    rejectRow(ctx, row.rowNumber, row.cells, "单位", units.length === 0
      ? `本市没有名为“${written}”的单位（市、区县、功能区或乡镇街道）`
      : `有${units.length}个单位名为“${written}”，请写其行政区划代码`);
    return null;
  }
  return { indicator, unit: units[0]! };
}

/**
 * Entered indicators' values from a file, checked exactly as the on-screen form checks them, one per indicator, unit
 * and month: a value sent again unchanged is left alone, a different one replaces it. An empty value is rejected
 * rather than clearing what was entered: in a file a blank is far more often "not reported yet" than "withdraw".
 */
export const indicatorValuesHandler = (): DatasetHandler => {
  let lookups: Lookups | null = null;
  return {
    layout: INDICATOR_VALUES_LAYOUT,
    storeChunk: async (ctx, rows) => {
      lookups ??= await loadLookups(ctx.tx);
      for (const row of rows) {
        const month = str(row.fields.month)!;
        const found = resolve(ctx, row, month, lookups);
        if (!found) continue;
        const checked = checkEnteredValue(found.indicator, found.unit, month, str(row.fields.value)!);
        if ("error" in checked || checked.value === null) {
          rejectRow(ctx, row.rowNumber, row.cells, "数值", "error" in checked ? checked.error : BLANK);
          continue;
        }
        noteProblems(ctx, row, problemReasons(row));
        const value = checked.value;
        const id = { indicatorCode: found.indicator.code, orgUnitId: found.unit.id, month };
        const [before] = await ctx.tx.select({ value: enteredValues.value }).from(enteredValues)
          .where(and(eq(enteredValues.indicatorCode, id.indicatorCode), eq(enteredValues.orgUnitId, id.orgUnitId), eq(enteredValues.month, month)));
        if (before?.value === value) {
          ctx.counts.unchanged++;
          continue;
        }
        const entered = { value, enteredBy: ctx.actor || "导入", enteredAt: new Date().toISOString() };
        await ctx.tx.insert(enteredValues).values({ ...id, ...entered })
          .onConflictDoUpdate({ target: [enteredValues.indicatorCode, enteredValues.orgUnitId, enteredValues.month], set: entered });
        ctx.counts[before ? "updated" : "inserted"]++;
        ctx.months.add(month);
      }
    },
  };
};
