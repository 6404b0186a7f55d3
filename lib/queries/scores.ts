import "server-only";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { compositeScores, indicatorValues, orgUnits } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";
import type { ComputedValue } from "@/lib/indicators/compute/compute-values";

export interface UnitScore {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  districtKind: string | null;
  score: number | null;
  rank: number | null;
  rankChange: number | null;
}

/** Composite, rank and rank change of every unit of a level in a month, best first. */
export async function getUnitScores(month: IsoMonth, level: string, db: Db = getDb()): Promise<UnitScore[]> {
  return db
    .select({
      id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, level: orgUnits.level, parentId: orgUnits.parentId,
      districtKind: orgUnits.districtKind, score: compositeScores.score, rank: compositeScores.rank, rankChange: compositeScores.rankChange,
    })
    .from(compositeScores)
    .innerJoin(orgUnits, eq(orgUnits.id, compositeScores.orgUnitId))
    .where(and(eq(compositeScores.month, month), eq(compositeScores.level, level)))
    .orderBy(asc(compositeScores.rank), asc(orgUnits.sortOrder));
}

export interface ValueCell extends ComputedValue {
  score: number | null;
}

/** Indicator values of some org units over a span of months. */
export async function getValueCells(
  orgUnitIds: number[], from: IsoMonth, to: IsoMonth, db: Db = getDb(),
): Promise<ValueCell[]> {
  if (orgUnitIds.length === 0) return [];
  return db.select().from(indicatorValues).where(and(
    inArray(indicatorValues.orgUnitId, orgUnitIds), gte(indicatorValues.month, from), lte(indicatorValues.month, to),
  ));
}

/** Composite scores of some org units over a span of months, oldest first. */
export async function getCompositeSeries(orgUnitIds: number[], from: IsoMonth, to: IsoMonth, db: Db = getDb()) {
  if (orgUnitIds.length === 0) return [];
  return db.select().from(compositeScores)
    .where(and(inArray(compositeScores.orgUnitId, orgUnitIds), gte(compositeScores.month, from), lte(compositeScores.month, to)))
    .orderBy(asc(compositeScores.month));
}
