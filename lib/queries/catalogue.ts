import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { departments, indicators, type Indicator } from "@/db/schema";

export interface CatalogueEntry extends Indicator {
  owners: { code: string; name: string }[];
}

/** The indicator catalogue in display order, with owning departments resolved to their names. */
export async function getCatalogue(db: Db = getDb()): Promise<CatalogueEntry[]> {
  const [rows, names] = await Promise.all([
    db.select().from(indicators).orderBy(asc(indicators.sortOrder)),
    getDepartmentNames(db),
  ]);
  return rows.map((row) => ({
    ...row,
    owners: (JSON.parse(row.ownerDepartments) as string[]).map((code) => ({ code, name: names.get(code) ?? code })),
  }));
}

export async function getDepartmentNames(db: Db = getDb()): Promise<Map<string, string>> {
  const rows = await db.select({ code: departments.code, name: departments.shortName }).from(departments);
  return new Map(rows.map((r) => [r.code, r.name]));
}
