import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { IsoMonth } from "@/lib/dates";
import { getCatalogue, type CatalogueEntry } from "./catalogue";
import { getUnitScores, getValueCells, type UnitScore } from "./scores";

export interface RankingRow extends UnitScore {
  parentName: string | null;
  cells: Record<string, { value: number | null; score: number | null }>;
}

export interface RankingTable {
  month: IsoMonth;
  level: string;
  catalogue: CatalogueEntry[];
  rows: RankingRow[];
}

/** Every unit of a level ranked for the month, with each indicator's value and score. */
export async function getRankingTable(month: IsoMonth, level: string, db: Db = getDb()): Promise<RankingTable> {
  const [units, catalogue, districts] = await Promise.all([
    getUnitScores(month, level, db), getCatalogue(db), level === "town" ? getUnitScores(month, "district", db) : Promise.resolve([]),
  ]);
  const cells = await getValueCells(units.map((u) => u.id), month, month, db);
  const byUnit = new Map<number, RankingRow["cells"]>();
  for (const c of cells) {
    if (!byUnit.has(c.orgUnitId)) byUnit.set(c.orgUnitId, {});
    byUnit.get(c.orgUnitId)![c.indicatorCode] = { value: c.value, score: c.score };
  }
  const districtName = new Map(districts.map((d) => [d.id, d.name]));
  return {
    month, level, catalogue,
    rows: units.map((u) => ({ ...u, parentName: u.parentId === null ? null : districtName.get(u.parentId) ?? null, cells: byUnit.get(u.id) ?? {} })),
  };
}
