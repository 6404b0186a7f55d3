import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { catalogueEntries, catalogueVersions, departments, indicators, type Indicator } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { isIsoMonth, type IsoMonth } from "@/lib/dates";
import { Refusal, z, type Tx, type WriteAction } from "@/lib/write";

/** The month the first, implicit version stands from: before any month a store holds. */
const INITIAL_FROM = "2000-01";

export interface CatalogueVersion {
  id: number;
  /** 第N版, in the order versions were saved. */
  number: number;
  effectiveFrom: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  entries: Map<string, Pick<Indicator, "target" | "redLine" | "zeroPoint" | "weight" | "ownerDepartments"> & { inComposite: boolean }>;
}

export async function loadCatalogueVersions(db: Db | Tx): Promise<CatalogueVersion[]> {
  const [versions, entries] = await Promise.all([
    db.select().from(catalogueVersions).orderBy(asc(catalogueVersions.id)),
    db.select().from(catalogueEntries),
  ]);
  return versions.map((v, i) => ({
    ...v, number: i + 1,
    entries: new Map(entries.filter((e) => e.versionId === v.id).map((e) => [e.indicatorCode, e])),
  }));
}

/** The version in force in a month: the latest saved among those effective by then; null before any was saved. */
export function versionInForce(versions: CatalogueVersion[], month: string): CatalogueVersion | null {
  let found: CatalogueVersion | null = null;
  for (const v of versions) {
    if (v.effectiveFrom <= month && (!found || v.effectiveFrom > found.effectiveFrom || (v.effectiveFrom === found.effectiveFrom && v.id > found.id))) found = v;
  }
  return found;
}

/**
 * The catalogue a month is scored with: each indicator's rules from the version in force (an indicator left out of
 * the composite weighs 0), the catalogue as stored where no version has been saved yet.
 */
export function catalogueForMonth<T extends Indicator>(base: T[], versions: CatalogueVersion[]): (month: IsoMonth) => T[] {
  const memo = new Map<number, T[]>();
  return (month) => {
    const version = versionInForce(versions, month);
    if (!version) return base;
    let list = memo.get(version.id);
    if (!list) {
      list = base.map((ind) => {
        const entry = version.entries.get(ind.code);
        // Not in the catalogue yet in this version's months (an indicator added from a later month): it weighs nothing.
        if (!entry) return { ...ind, weight: 0 };
        return { ...ind, target: entry.target, redLine: entry.redLine, zeroPoint: entry.zeroPoint, ownerDepartments: entry.ownerDepartments, weight: entry.inComposite ? entry.weight : 0 };
      });
      memo.set(version.id, list);
    }
    return list;
  };
}

/** How a version reads beside the numbers it scored: "指标目录第2版（2026-11起执行）". */
export function versionLabel(version: CatalogueVersion | null): string {
  if (!version) return "指标目录初始版";
  return version.effectiveFrom === INITIAL_FROM ? `指标目录第${version.number}版（初始目录）` : `指标目录第${version.number}版（${version.effectiveFrom}起执行）`;
}

const entryInput = z.object({
  indicatorCode: z.string().min(1).max(60),
  target: z.coerce.number({ error: "目标值应为数字" }).refine(Number.isFinite, "目标值应为数字"),
  redLine: z.coerce.number({ error: "红线应为数字" }).refine(Number.isFinite, "红线应为数字"),
  zeroPoint: z.coerce.number({ error: "零分点应为数字" }).refine(Number.isFinite, "零分点应为数字"),
  weight: z.coerce.number({ error: "权重应为数字" }).min(0, "权重不能为负").max(100, "权重不超过100"),
  owners: z.string().max(500).default(""),
  inComposite: z.boolean(),
});

const versionInput = z.object({
  effectiveFrom: z.string().refine(isIsoMonth, "执行月份应为 YYYY-MM"),
  note: z.string().trim().max(500, "说明不超过500字").optional().transform((v) => v || null),
  entries: z.array(entryInput).min(1).max(200),
});

/** Why an indicator's target, red line and zero point do not fit its direction; null when they do. */
export function rulesOrderError(direction: Indicator["direction"], e: { target: number; redLine: number; zeroPoint: number }, name: string): string | null {
  const higher = direction === "higher";
  const ordered = higher ? e.zeroPoint < e.target && e.zeroPoint <= e.redLine && e.redLine <= e.target
    : e.target < e.zeroPoint && e.target <= e.redLine && e.redLine <= e.zeroPoint;
  if (ordered) return null;
  return higher ? `${name}：越高越好，应为 零分点 < 目标值，红线在两者之间` : `${name}：越低越好，应为 目标值 < 零分点，红线在两者之间`;
}

/** The first save also records the rules held until then as the initial version, so the history starts where the store did. */
export async function ensureInitialVersion(tx: Tx, createdBy: string, now: string): Promise<void> {
  const existing = await tx.select({ id: catalogueVersions.id }).from(catalogueVersions).limit(1);
  if (existing.length > 0) return;
  const current = await tx.select().from(indicators);
  const [initial] = await tx.insert(catalogueVersions).values({ effectiveFrom: INITIAL_FROM, note: "初始目录", createdBy, createdAt: now }).returning();
  await tx.insert(catalogueEntries).values(current.map((i) => ({
    versionId: initial!.id, indicatorCode: i.code, target: i.target, redLine: i.redLine, zeroPoint: i.zeroPoint, weight: i.weight, ownerDepartments: i.ownerDepartments, inComposite: i.weight > 0,
  })));
}

/** Department names as the office writes them ("市市场监管局、市税务局") → codes; unknown names are refused by name. */
export function ownerCodes(written: string, list: { code: string; name: string; shortName: string }[]): { codes: string[]; unknown: string[] } {
  const names = written.split(/[、，,；;\s]+/).map((n) => n.trim()).filter(Boolean);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const found = list.find((d) => d.shortName === name || d.name === name || d.code === name);
    if (found) codes.push(found.code);
    else unknown.push(name);
  }
  return { codes: [...new Set(codes)], unknown };
}

/**
 * The office saves the catalogue's rules as a new version in force from a month it chooses. Earlier months keep
 * the version they were scored with; the caller recomputes the months from `effectiveFrom` on. The first save
 * also records the rules held until then as the initial version, so the history starts where the store did.
 */
export const saveCatalogueVersion: WriteAction<typeof versionInput, { id: number; effectiveFrom: string }> = {
  name: "catalogue.save", input: versionInput, allow: isOffice, refusal: "只有信用办可以修改指标目录",
  check: async (db, input) => {
    const catalogue = await db.select().from(indicators);
    const list = await db.select({ code: departments.code, name: departments.name, shortName: departments.shortName }).from(departments);
    const errors: Record<string, string> = {};
    for (const e of input.entries) {
      const ind = catalogue.find((i) => i.code === e.indicatorCode);
      if (!ind) throw new Refusal(422, `没有指标“${e.indicatorCode}”`);
      const disordered = rulesOrderError(ind.direction, e, ind.name);
      if (disordered) errors[`target.${e.indicatorCode}`] = disordered;
      const owners = ownerCodes(e.owners, list);
      if (owners.unknown.length > 0) errors[`owners.${e.indicatorCode}`] = `${ind.name}：没有部门“${owners.unknown.join("、")}”`;
    }
    if (!input.entries.some((e) => e.inComposite && e.weight > 0)) errors.entries = "至少要有一个计入综合得分、权重大于0的指标";
    const first = Object.values(errors)[0];
    if (first) throw new Refusal(422, first, errors);
  },
  run: async (tx, input, viewer) => {
    const list = await tx.select({ code: departments.code, name: departments.name, shortName: departments.shortName }).from(departments);
    const now = new Date().toISOString();
    await ensureInitialVersion(tx, viewer.username, now);
    const [version] = await tx.insert(catalogueVersions).values({ effectiveFrom: input.effectiveFrom, note: input.note, createdBy: viewer.username, createdAt: now }).returning();
    await tx.insert(catalogueEntries).values(input.entries.map((e) => ({
      versionId: version!.id, indicatorCode: e.indicatorCode, target: e.target, redLine: e.redLine, zeroPoint: e.zeroPoint, weight: e.weight,
      ownerDepartments: JSON.stringify(ownerCodes(e.owners, list).codes), inComposite: e.inComposite,
    })));
    return {
      value: { id: version!.id, effectiveFrom: input.effectiveFrom },
      audit: { entityType: "catalogue_version", entityId: version!.id, summary: `保存指标目录新版本，自${input.effectiveFrom}起执行${input.note ? `：${input.note}` : ""}`, after: input },
    };
  },
};

/**
 * Keeps the catalogue table (what pages show as an indicator's target, red line and owners) at the version in
 * force in `month`, the latest month the store holds. Run by the computation, so a version saved for a later
 * month takes over when that month arrives.
 */
export async function syncCatalogueTo(db: Db, month: string): Promise<void> {
  const version = versionInForce(await loadCatalogueVersions(db), month);
  if (!version) return;
  for (const [code, e] of version.entries) {
    await db.update(indicators).set({ target: e.target, redLine: e.redLine, zeroPoint: e.zeroPoint, ownerDepartments: e.ownerDepartments, weight: e.inComposite ? e.weight : 0 })
      .where(eq(indicators.code, code));
  }
}

const FIELD_LABELS = { target: "目标值", redLine: "红线", zeroPoint: "零分点", weight: "权重" } as const;

/** What a version changed against the one saved before it, in words: "A级纳税人占比：权重 7→9". */
export function versionChanges(previous: CatalogueVersion | undefined, version: CatalogueVersion, names: Map<string, string>): string[] {
  if (!previous) return ["初始目录"];
  const changes: string[] = [];
  for (const [code, entry] of version.entries) {
    const before = previous.entries.get(code);
    if (!before) {
      changes.push(`新增指标：${names.get(code) ?? code}`);
      continue;
    }
    const parts = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[])
      .filter((f) => before[f] !== entry[f]).map((f) => `${FIELD_LABELS[f]} ${before[f]}→${entry[f]}`);
    if (before.inComposite !== entry.inComposite) parts.push(entry.inComposite ? "计入综合得分" : "不再计入综合得分");
    if (before.ownerDepartments !== entry.ownerDepartments) parts.push("责任单位调整");
    if (parts.length > 0) changes.push(`${names.get(code) ?? code}：${parts.join("，")}`);
  }
  return changes.length > 0 ? changes : ["未改动规则"];
}
