import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { orgUnits } from "@/db/schema";
import { addMonths, monthRange, type IsoMonth } from "@/lib/dates";
import { getCatalogue, type CatalogueEntry } from "./catalogue";
import { getUnitScores, getValueCells, type ValueCell } from "./scores";

export interface IndicatorDetail {
  indicator: CatalogueEntry;
  city: { id: number; name: string };
  months: IsoMonth[];
  /** The city's value over 24 months. */
  cityTrend: (number | null)[];
  cityCell: ValueCell | null;
  /** Every unit of the level for the month, best value first, no data last. */
  units: { id: number; code: string; name: string; cell: ValueCell | null }[];
}

export async function getIndicatorDetail(code: string, month: IsoMonth, level: string, db: Db = getDb()): Promise<IndicatorDetail | null> {
  const catalogue = await getCatalogue(db);
  const indicator = catalogue.find((i) => i.code === code);
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city")).limit(1);
  if (!indicator || !city) return null;
  const months = monthRange(addMonths(month, -23), month);
  const units = await getUnitScores(month, level, db);
  const [trend, cells] = await Promise.all([
    getValueCells([city.id], months[0]!, month, db),
    getValueCells(units.map((u) => u.id), month, month, db),
  ]);
  const mine = (c: ValueCell) => c.indicatorCode === code;
  const cellOf = new Map(cells.filter(mine).map((c) => [c.orgUnitId, c]));
  const sign = indicator.direction === "higher" ? -1 : 1;
  return {
    indicator, city: { id: city.id, name: city.name }, months,
    cityTrend: months.map((m) => trend.find((c) => mine(c) && c.month === m)?.value ?? null),
    cityCell: trend.find((c) => mine(c) && c.month === month) ?? null,
    units: units
      .map((u) => ({ id: u.id, code: u.code, name: u.name, cell: cellOf.get(u.id) ?? null }))
      .sort((a, b) => (a.cell?.value == null ? 1 : 0) - (b.cell?.value == null ? 1 : 0) || sign * ((a.cell?.value ?? 0) - (b.cell?.value ?? 0))),
  };
}
