import type { Client } from "@libsql/client";
import type { Indicator, OrgUnit } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";
import type { ComputedValue } from "./compute-values";

/**
 * The values of the catalogue's entered indicators for the given months, as the office entered them: one row per
 * unit and month, with no value ("未填报") where nothing was entered, so pages and rankings show the gap. Towns get a
 * row only where a value was entered: an office rarely reports these per town.
 */
export async function enteredIndicatorValues(
  client: Client, orgUnits: OrgUnit[], catalogue: Pick<Indicator, "code" | "source">[], months: IsoMonth[],
): Promise<ComputedValue[]> {
  const codes = catalogue.filter((i) => i.source === "entered").map((i) => i.code);
  if (codes.length === 0 || months.length === 0) return [];
  const { rows } = await client.execute({
    sql: `SELECT indicator_code, org_unit_id, month, value FROM entered_values
          WHERE indicator_code IN (${codes.map(() => "?").join(",")}) AND month IN (${months.map(() => "?").join(",")})`,
    args: [...codes, ...months],
  });
  const entered = new Map(rows.map((r) => [`${r.indicator_code}|${r.org_unit_id}|${r.month}`, Number(r.value)]));
  const values: ComputedValue[] = [];
  for (const month of months) {
    for (const unit of orgUnits) {
      for (const code of codes) {
        const value = entered.get(`${code}|${unit.id}|${month}`);
        if (value === undefined && unit.level === "town") continue;
        values.push({ month, orgUnitId: unit.id, indicatorCode: code, numerator: value ?? 0, denominator: null, value: value ?? null });
      }
    }
  }
  return values;
}
