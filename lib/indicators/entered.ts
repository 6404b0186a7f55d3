import { and, asc, eq, gt, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { catalogueEntries, catalogueVersions, departments, enteredValues, indicators, orgUnits, INDICATOR_DIRECTIONS, INDICATOR_UNITS, type Indicator, type OrgUnit } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { isIsoMonth } from "@/lib/dates";
import { notFound, Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { ensureInitialVersion, loadCatalogueVersions, ownerCodes, rulesOrderError, versionInForce } from "./catalogue-versions";

const UNIT_NAMES = { percent: "%", per_ten_thousand: "‱", count: "个" } as const;

const number = (label: string) => z.coerce.number({ error: `${label}应为数字` }).refine(Number.isFinite, `${label}应为数字`);

const indicatorInput = z.object({
  name: z.string().trim().min(2, "请填写指标名称").max(40, "指标名称不超过40字"),
  category: z.string().trim().min(1, "请填写指标类别").max(20, "类别不超过20字"),
  formula: z.string().trim().min(2, "请写明口径：数值如何得出、由谁报送").max(300, "口径说明不超过300字"),
  unit: z.enum(INDICATOR_UNITS, { error: "请选择单位" }),
  direction: z.enum(INDICATOR_DIRECTIONS, { error: "请选择越高越好或越低越好" }),
  target: number("目标值"),
  redLine: number("红线"),
  zeroPoint: number("零分点"),
  weight: number("权重").pipe(z.number().min(0, "权重不能为负").max(100, "权重不超过100")),
  owners: z.string().max(500).default(""),
  inComposite: z.boolean(),
  effectiveFrom: z.string().refine(isIsoMonth, "执行月份应为 YYYY-MM"),
});

async function departmentList(db: Db | Tx) {
  return db.select({ code: departments.code, name: departments.name, shortName: departments.shortName }).from(departments);
}

/**
 * The office adds an indicator no record measures. It joins the catalogue as a new version in force from the month
 * chosen (and every version saved for a later month), so earlier months keep their composites; its values come
 * from the office, per unit and month, and are scored, ranked and warned on like any other.
 */
export const addEnteredIndicator: WriteAction<typeof indicatorInput, { code: string; effectiveFrom: string }> = {
  name: "catalogue.add_entered", input: indicatorInput, allow: isOffice, refusal: "只有信用办可以新增指标",
  check: async (db, input) => {
    const errors: Record<string, string> = {};
    const [same] = await db.select({ code: indicators.code }).from(indicators).where(eq(indicators.name, input.name));
    if (same) errors.name = `已有指标“${input.name}”`;
    const disordered = rulesOrderError(input.direction, input, input.name);
    if (disordered) errors.target = disordered;
    if (input.unit === "percent" && [input.target, input.redLine, input.zeroPoint].some((v) => v < 0 || v > 100)) errors.target = "百分比指标的目标值、红线、零分点应在0至100之间";
    const owners = ownerCodes(input.owners, await departmentList(db));
    if (owners.unknown.length > 0) errors.owners = `没有部门“${owners.unknown.join("、")}”`;
    const first = Object.values(errors)[0];
    if (first) throw new Refusal(422, first, errors);
  },
  run: async (tx, input, viewer) => {
    const now = new Date().toISOString();
    const all = await tx.select({ code: indicators.code, sortOrder: indicators.sortOrder }).from(indicators);
    let n = all.length + 1;
    while (all.some((i) => i.code === `entered_${n}`)) n++;
    const code = `entered_${n}`;
    const ownerDepartments = JSON.stringify(ownerCodes(input.owners, await departmentList(tx)).codes);
    // The catalogue's history starts before the indicator existed.
    await ensureInitialVersion(tx, viewer.username, now);
    await tx.insert(indicators).values({
      code, name: input.name, category: input.category, formula: input.formula, unit: input.unit, direction: input.direction,
      target: input.target, redLine: input.redLine, zeroPoint: input.zeroPoint, weight: input.inComposite ? input.weight : 0, ownerDepartments,
      sortOrder: Math.max(0, ...all.map((i) => i.sortOrder)) + 1, source: "entered",
    });
    const entry = { indicatorCode: code, target: input.target, redLine: input.redLine, zeroPoint: input.zeroPoint, weight: input.weight, ownerDepartments, inComposite: input.inComposite };
    // A new version from the chosen month: the rules in force then, plus this indicator.
    const versions = await loadCatalogueVersions(tx);
    const inForce = versionInForce(versions, input.effectiveFrom)!;
    const [version] = await tx.insert(catalogueVersions).values({ effectiveFrom: input.effectiveFrom, note: `新增指标“${input.name}”`, createdBy: viewer.username, createdAt: now }).returning();
    await tx.insert(catalogueEntries).values([...inForce.entries].map(([indicatorCode, e]) => ({
      versionId: version!.id, indicatorCode, target: e.target, redLine: e.redLine, zeroPoint: e.zeroPoint, weight: e.weight, ownerDepartments: e.ownerDepartments, inComposite: e.inComposite,
    })));
    await tx.insert(catalogueEntries).values({ ...entry, versionId: version!.id });
    // Versions already saved for later months take it too, or it would drop out when they start.
    const later = await tx.select({ id: catalogueVersions.id }).from(catalogueVersions).where(gt(catalogueVersions.effectiveFrom, input.effectiveFrom));
    if (later.length > 0) await tx.insert(catalogueEntries).values(later.map((v) => ({ ...entry, versionId: v.id })));
    return {
      value: { code, effectiveFrom: input.effectiveFrom },
      audit: { entityType: "indicator", entityId: code, summary: `新增人工填报指标“${input.name}”（${UNIT_NAMES[input.unit]}），自${input.effectiveFrom}起执行`, after: input },
    };
  },
};

const valuesInput = z.object({
  indicatorCode: z.string().min(1).max(60),
  month: z.string().refine(isIsoMonth, "月份应为 YYYY-MM"),
  // Per unit: a number, or empty to clear what was entered.
  values: z.array(z.object({ orgUnitId: z.coerce.number().int().positive(), value: z.string().trim().max(30, "数值过长") })).min(1).max(500),
});

/** A value as the office typed it: "98.5", "98.5%", "１２" → number; empty → null (cleared). */
export function parseEnteredValue(text: string): number | null | "invalid" {
  const cleaned = text.normalize("NFKC").replace(/[,\s%‱个件分]/g, "");
  if (cleaned === "") return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(cleaned)) return "invalid";
  return Number(cleaned);
}

/**
 * One typed value of an entered indicator for a unit and month, checked as the on-screen form and the file import
 * both check it: the number to store, null to clear what was entered, or why it cannot be stored (naming the unit).
 */
export function checkEnteredValue(
  indicator: Pick<Indicator, "unit">, unit: Pick<OrgUnit, "name" | "retiredFrom">, month: string, text: string,
): { value: number | null } | { error: string } {
  const parsed = parseEnteredValue(text);
  if (parsed === null) return { value: null };
  if (unit.retiredFrom && unit.retiredFrom <= month) return { error: `${unit.name}自${unit.retiredFrom}起已撤销，不能填报${month}的数值` };
  if (parsed === "invalid") return { error: `${unit.name}：“${text}”不是数字` };
  if (parsed < 0) return { error: `${unit.name}：数值不能为负` };
  if (indicator.unit === "percent" && parsed > 100) return { error: `${unit.name}：百分比不超过100` };
  if (indicator.unit === "count" && !Number.isInteger(parsed)) return { error: `${unit.name}：个数应为整数` };
  return { value: parsed };
}

/** The office enters (or clears) an entered indicator's values of one month, per unit. */
export const saveEnteredValues: WriteAction<typeof valuesInput, { month: string; saved: number; cleared: number }> = {
  name: "indicator.enter_values", input: valuesInput, allow: isOffice, refusal: "只有信用办可以填报指标数值",
  check: async (db, input) => {
    const [indicator] = await db.select().from(indicators).where(eq(indicators.code, input.indicatorCode));
    if (!indicator) throw notFound("没有这个指标");
    if (indicator.source !== "entered") throw new Refusal(422, `“${indicator.name}”由记录计算得出，不能手工填报`);
    const units = await db.select().from(orgUnits).where(inArray(orgUnits.id, input.values.map((v) => v.orgUnitId)));
    const errors: Record<string, string> = {};
    for (const { orgUnitId, value } of input.values) {
      const unit = units.find((u) => u.id === orgUnitId);
      if (!unit) throw new Refusal(422, `没有编号为${orgUnitId}的单位`);
      const checked = checkEnteredValue(indicator, unit, input.month, value);
      if ("error" in checked) errors[`value.${orgUnitId}`] = checked.error;
    }
    const first = Object.values(errors)[0];
    if (first) throw new Refusal(422, first, errors);
  },
  run: async (tx, input, viewer) => {
    const now = new Date().toISOString();
    let saved = 0;
    let cleared = 0;
    const before = await tx.select().from(enteredValues).where(and(eq(enteredValues.indicatorCode, input.indicatorCode), eq(enteredValues.month, input.month)));
    for (const { orgUnitId, value } of input.values) {
      const parsed = parseEnteredValue(value) as number | null;
      const where = and(eq(enteredValues.indicatorCode, input.indicatorCode), eq(enteredValues.orgUnitId, orgUnitId), eq(enteredValues.month, input.month));
      const old = before.find((b) => b.orgUnitId === orgUnitId);
      if (parsed === null) {
        if (old) cleared += (await tx.delete(enteredValues).where(where).returning()).length;
        continue;
      }
      if (old?.value === parsed) continue;
      await tx.insert(enteredValues).values({ indicatorCode: input.indicatorCode, orgUnitId, month: input.month, value: parsed, enteredBy: viewer.username, enteredAt: now })
        .onConflictDoUpdate({ target: [enteredValues.indicatorCode, enteredValues.orgUnitId, enteredValues.month], set: { value: parsed, enteredBy: viewer.username, enteredAt: now } });
      saved++;
    }
    return {
      value: { month: input.month, saved, cleared },
      audit: {
        entityType: "indicator", entityId: input.indicatorCode, summary: `填报${input.month}数值：保存${saved}个，清除${cleared}个`,
        before: before.map((b) => ({ orgUnitId: b.orgUnitId, value: b.value })), after: input.values,
      },
    };
  },
};

/** An entered indicator's values of a month by unit, with who entered each and when, for the form. */
export async function enteredValuesOf(db: Db, indicatorCode: string, month: string) {
  return db.select().from(enteredValues)
    .where(and(eq(enteredValues.indicatorCode, indicatorCode), eq(enteredValues.month, month)))
    .orderBy(asc(enteredValues.orgUnitId));
}

/** Months with at least one value entered for the indicator, latest first, with how many units have one. */
export async function enteredMonthsOf(db: Db, indicatorCode: string) {
  const rows = await db.select({ month: enteredValues.month, at: max(enteredValues.enteredAt) }).from(enteredValues)
    .where(eq(enteredValues.indicatorCode, indicatorCode)).groupBy(enteredValues.month);
  return rows.sort((a, b) => b.month.localeCompare(a.month));
}

const LEVEL_ORDER = { city: 0, district: 1, town: 2 } as const;

/** The units a value can be entered for: the city, then its districts and 功能区, then towns. */
export async function enteredValueUnits(db: Db) {
  const units = await db.select().from(orgUnits);
  return units.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.sortOrder - b.sortOrder || a.id - b.id);
}
