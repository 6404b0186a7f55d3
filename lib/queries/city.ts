import "server-only";
import { and, eq, gte, lte, asc } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { nationalRanks, orgUnits } from "@/db/schema";
import { addMonths, monthRange, type IsoMonth } from "@/lib/dates";
import { meetsTarget } from "@/lib/indicators/scoring";
import { getCatalogue, type CatalogueEntry } from "./catalogue";
import { getCompositeSeries, getValueCells } from "./scores";

export interface IndicatorCard {
  indicator: CatalogueEntry;
  value: number | null;
  previous: number | null;
  score: number | null;
  met: boolean | null;
  /** The last 12 months, oldest first. */
  series: (number | null)[];
}

export interface CityDashboard {
  city: { id: number; code: string; name: string };
  months: IsoMonth[];
  composite: (number | null)[];
  nationalRank: { rank: number | null; totalCities: number | null }[];
  cards: IndicatorCard[];
}

/** The city's composite and national rank over 24 months, and a card per indicator for the month. */
export async function getCityDashboard(month: IsoMonth, db: Db = getDb()): Promise<CityDashboard | null> {
  const [city] = await db.select().from(orgUnits).where(eq(orgUnits.level, "city")).limit(1);
  if (!city) return null;
  const months = monthRange(addMonths(month, -23), month);
  const [composites, ranks, cells, catalogue] = await Promise.all([
    getCompositeSeries([city.id], months[0]!, month, db),
    db.select().from(nationalRanks).where(and(gte(nationalRanks.month, months[0]!), lte(nationalRanks.month, month))).orderBy(asc(nationalRanks.month)),
    getValueCells([city.id], addMonths(month, -11), month, db),
    getCatalogue(db),
  ]);
  const scoreByMonth = new Map(composites.map((c) => [c.month, c.score]));
  const rankByMonth = new Map(ranks.map((r) => [r.month, r]));
  const cell = (code: string, m: IsoMonth) => cells.find((c) => c.indicatorCode === code && c.month === m);
  const recent = monthRange(addMonths(month, -11), month);
  return {
    city: { id: city.id, code: city.code, name: city.name },
    months,
    composite: months.map((m) => scoreByMonth.get(m) ?? null),
    nationalRank: months.map((m) => ({ rank: rankByMonth.get(m)?.rank ?? null, totalCities: rankByMonth.get(m)?.totalCities ?? null })),
    cards: catalogue.map((indicator) => {
      const value = cell(indicator.code, month)?.value ?? null;
      return {
        indicator, value, previous: cell(indicator.code, addMonths(month, -1))?.value ?? null,
        score: cell(indicator.code, month)?.score ?? null,
        met: value === null ? null : meetsTarget(value, indicator),
        series: recent.map((m) => cell(indicator.code, m)?.value ?? null),
      };
    }),
  };
}

export async function getCity(db: Db = getDb()): Promise<{ id: number; code: string; name: string } | null> {
  const [city] = await db.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.level, "city")).limit(1);
  return city ?? null;
}
