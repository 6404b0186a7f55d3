import type { Client } from "@libsql/client";
import { firstDayOfMonth, lastDayOfMonth, type IsoMonth } from "@/lib/dates";
import { SGS_LATE, SGS_NONCOMPLIANT } from "@/lib/indicators/drilldown/specs";
import type { SgsFacts, SgsRow } from "./facts";

/**
 * The month's 双公示 decisions per district and per department, 许可 and 处罚 apart: how many were reported, how
 * many pass every field rule, how many were late — by the same predicates as the indicators and their drill-downs.
 */
export async function loadSgsFacts(client: Client, month: IsoMonth): Promise<SgsFacts> {
  const counts = async (group: "district" | "department") => {
    const join = group === "district"
      ? "JOIN org_units g ON g.id = s.district_id"
      : "JOIN departments g ON g.id = s.department_id";
    const { rows } = await client.execute({
      sql: `SELECT s.kind AS kind, ${group === "district" ? "g.name" : "g.short_name"} AS name, count(*) AS reported,
              sum(CASE WHEN ${SGS_NONCOMPLIANT("s")} THEN 0 ELSE 1 END) AS compliant, sum(CASE WHEN ${SGS_LATE("s")} THEN 1 ELSE 0 END) AS late
            FROM sgs_records s ${join}
            WHERE s.decision_date BETWEEN ? AND ?
            GROUP BY s.kind, g.id ORDER BY g.sort_order, g.id`,
      args: [firstDayOfMonth(month), lastDayOfMonth(month)],
    });
    const of = (kind: string): SgsRow[] => rows.filter((r) => r.kind === kind)
      .map((r) => ({ name: String(r.name), reported: Number(r.reported), compliant: Number(r.compliant), late: Number(r.late) }));
    return { license: of("license"), penalty: of("penalty") };
  };
  return { byDistrict: await counts("district"), byDepartment: await counts("department") };
}
