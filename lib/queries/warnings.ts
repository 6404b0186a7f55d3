import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { indicators, orgUnits, warnings, type WarningKind } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";
import { getDepartmentNames } from "./catalogue";

export interface WarningRow {
  kind: WarningKind;
  unit: { id: number; code: string; name: string; level: string };
  indicator: { code: string; name: string; unit: string; direction: string };
  value: number | null;
  target: number;
  redLine: number;
  owners: { code: string; name: string }[];
  message: string;
}

const KIND_ORDER: Record<WarningKind, number> = { red: 0, yellow: 1, off_track: 2, worsening: 3 };

/** A month's warnings, red first, optionally for one org unit or some kinds only. */
export async function getWarnings(
  month: IsoMonth, options: { orgUnitId?: number; kinds?: WarningKind[] } = {}, db: Db = getDb(),
): Promise<WarningRow[]> {
  const [rows, names] = await Promise.all([
    db.select({ w: warnings, unit: { id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, level: orgUnits.level, sortOrder: orgUnits.sortOrder },
      indicator: { code: indicators.code, name: indicators.name, unit: indicators.unit, direction: indicators.direction, sortOrder: indicators.sortOrder } })
      .from(warnings)
      .innerJoin(orgUnits, eq(orgUnits.id, warnings.orgUnitId))
      .innerJoin(indicators, eq(indicators.code, warnings.indicatorCode))
      .where(and(
        eq(warnings.month, month),
        options.orgUnitId === undefined ? undefined : eq(warnings.orgUnitId, options.orgUnitId),
        options.kinds ? inArray(warnings.kind, options.kinds) : undefined,
      ))
      .orderBy(asc(orgUnits.sortOrder), asc(indicators.sortOrder)),
    getDepartmentNames(db),
  ]);
  return rows
    .map(({ w, unit, indicator }) => ({
      kind: w.kind, value: w.value, target: w.target, redLine: w.redLine, message: w.message,
      unit: { id: unit.id, code: unit.code, name: unit.name, level: unit.level },
      indicator: { code: indicator.code, name: indicator.name, unit: indicator.unit, direction: indicator.direction },
      owners: (JSON.parse(w.owners) as string[]).map((code) => ({ code, name: names.get(code) ?? code })),
    }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.unit.level === "city" ? -1 : 0) - (b.unit.level === "city" ? -1 : 0));
}
