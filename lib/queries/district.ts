import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { orgUnits } from "@/db/schema";
import { addMonths, monthRange, type IsoMonth } from "@/lib/dates";
import { lostPoints } from "@/lib/dashboard/lost-score";
import { getCatalogue, type CatalogueEntry } from "./catalogue";
import { getCompositeSeries, getUnitScores, getValueCells, type UnitScore } from "./scores";

export interface DistrictIndicatorRow {
  indicator: CatalogueEntry;
  value: number | null;
  score: number | null;
  cityValue: number | null;
  lostPoints: number;
}

export interface DistrictDetail {
  unit: { id: number; code: string; name: string; level: string; parentId: number | null; parentName: string | null };
  score: UnitScore | null;
  peers: number;
  months: IsoMonth[];
  composite: (number | null)[];
  ranks: (number | null)[];
  indicators: DistrictIndicatorRow[];
  /** Its towns ranked among themselves (empty for a town). */
  towns: UnitScore[];
}

/** One district (or town) for a month: indicators against target and city, what costs it, trend, towns. */
export async function getDistrictDetail(code: string, month: IsoMonth, db: Db = getDb()): Promise<DistrictDetail | null> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  if (!unit || unit.level === "city") return null;
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city")).limit(1);
  const [parent] = unit.parentId === null ? [] : await db.select().from(orgUnits).where(eq(orgUnits.id, unit.parentId));
  const months = monthRange(addMonths(month, -23), month);
  const [catalogue, peers, series, cells, childUnits] = await Promise.all([
    getCatalogue(db), getUnitScores(month, unit.level, db), getCompositeSeries([unit.id], months[0]!, month, db),
    getValueCells([unit.id, ...(city ? [city.id] : [])], month, month, db),
    unit.level === "district" ? db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.parentId, unit.id), eq(orgUnits.level, "town"))) : Promise.resolve([]),
  ]);
  const childIds = new Set(childUnits.map((c) => c.id));
  const towns = childIds.size > 0 ? (await getUnitScores(month, "town", db)).filter((t) => childIds.has(t.id)) : [];
  const cell = (orgUnitId: number | undefined, code: string) => cells.find((c) => c.orgUnitId === orgUnitId && c.indicatorCode === code);
  const lost = lostPoints(catalogue.map((i) => ({ code: i.code, score: cell(unit.id, i.code)?.score ?? null, weight: i.weight })));
  const byMonth = new Map(series.map((s) => [s.month, s]));
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level, parentId: unit.parentId, parentName: parent?.name ?? null },
    score: peers.find((p) => p.id === unit.id) ?? null,
    peers: peers.length,
    months,
    composite: months.map((m) => byMonth.get(m)?.score ?? null),
    ranks: months.map((m) => byMonth.get(m)?.rank ?? null),
    indicators: catalogue.map((indicator) => ({
      indicator, value: cell(unit.id, indicator.code)?.value ?? null, score: cell(unit.id, indicator.code)?.score ?? null,
      cityValue: cell(city?.id, indicator.code)?.value ?? null, lostPoints: lost.get(indicator.code) ?? 0,
    })),
    towns: [...towns].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9)),
  };
}
