import type { Client } from "@libsql/client";
import type { Indicator, OrgUnit } from "@/db/schema";
import { formatMonthZh, type IsoMonth } from "@/lib/dates";
import { countDisciplineFacts } from "./discipline-facts";
import { countEnterpriseFacts } from "./enterprise-facts";
import { countEntityFacts } from "./entity-facts";
import { enteredIndicatorValues } from "./entered-values";
import { evaluate, FORMULAS, type Facts } from "./formulas";
import { MonthGrid } from "./grid";
import { countSgsFacts } from "./sgs-facts";
import { UnitIndex } from "./units";

export interface ComputedValue {
  month: IsoMonth;
  orgUnitId: number;
  indicatorCode: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

export interface ComputedValues {
  values: ComputedValue[];
  /** Loud warnings for people: what the numbers could not take into account. */
  notices: string[];
}

/**
 * Every catalogue indicator for every org unit in the given consecutive months: those computed from the raw records,
 * and the entered ones as the office entered them.
 */
export async function computeIndicatorValues(
  client: Client, orgUnits: OrgUnit[], catalogue: Pick<Indicator, "code" | "source">[], months: IsoMonth[],
): Promise<ComputedValues> {
  const indicatorCodes = catalogue.filter((i) => i.source !== "entered").map((i) => i.code);
  const grid = new MonthGrid(months);
  const units = new UnitIndex(orgUnits);
  // Sequential on purpose: the record scans (lists, penalties, 双公示) share one file on one disk.
  const facts: Facts = {
    ...(await countEntityFacts(client, grid, units)),
    ...(await countEnterpriseFacts(client, grid, units)),
    ...(await countDisciplineFacts(client, grid, units)),
    ...(await countSgsFacts(client, grid, units)),
  };
  const values: ComputedValue[] = [];
  for (let k = 0; k < grid.size; k++) {
    units.units.forEach((unit, u) => {
      for (const code of indicatorCodes) {
        const formula = FORMULAS[code];
        if (!formula) continue;
        values.push({ month: months[k] as IsoMonth, orgUnitId: unit.id, indicatorCode: code, ...evaluate(formula, facts, u, k, unit.level === "town") });
      }
    });
  }
  values.push(...(await enteredIndicatorValues(client, orgUnits, catalogue, months)));
  const notices = facts.undecided.flatMap((n, k) =>
    n > 0 ? [`${formatMonthZh(months[k] as IsoMonth)}有${n}条双公示记录涉及节假日安排尚未录入的年份，其及时性暂无法判定，未计入及时率。`] : [],
  );
  const unknownCodes = indicatorCodes.filter((c) => !FORMULAS[c]);
  if (unknownCodes.length > 0) notices.push(`指标目录中以下指标尚无计算公式，未计算：${unknownCodes.join("、")}`);
  return { values, notices };
}
