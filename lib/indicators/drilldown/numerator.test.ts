import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { systemViewer } from "@/lib/auth/viewer";
import type { IsoMonth } from "@/lib/dates";
import { getDrilldown } from "./index";
import { DRILLDOWN_SPECS } from "./specs";
import { useDemoStore } from "@/tests/support/demo-store";

// The records an indicator's drill-down lists are the records its value counted: for every indicator, every
// unit and a spread of months of a generated city, the listing's size equals the numerator, or the part of the
// denominator the numerator misses where the listing is what is wrong or missing. The engine counts from its
// facts and the listing reads the raw records, so this holds the two to one meaning.
const LISTS_THE_GAP = new Set(["sgs_compliance_rate", "sgs_timeliness_rate", "xyd_enrolled_ratio", "xyd_verified_ratio", "xyd_loan_ratio"]);

let db: Db;
useDemoStore("numerator", { seed: 5, entities: 3_000 }, (opened) => (db = opened));

describe("one definition per indicator", { timeout: 300_000 }, () => {
  it("lists exactly the records each value counted", async () => {
    const values = await db.$client.execute(`SELECT v.indicator_code AS code, v.org_unit_id AS unit, v.month, v.numerator, v.denominator, v.value, u.level
      FROM indicator_values v JOIN org_units u ON u.id = v.org_unit_id`);
    const office = systemViewer("测试");
    const wrong: string[] = [];
    let compared = 0;
    for (const v of values.rows) {
      const code = String(v.code);
      if (!DRILLDOWN_SPECS[code]) continue;
      if (code === "gov_default_open" && v.level === "town") continue; // kept per district
      if (v.value === null) continue; // no value (towns have no decision counts of their own): nothing to explain
      const perDepartment = code === "sgs_report_rate";
      const listing = await getDrilldown(db, office, { indicatorCode: code, orgUnitId: Number(v.unit), month: String(v.month) as IsoMonth, pageSize: perDepartment ? 1_000 : 1, countRecords: true });
      if (!listing || listing === "forbidden") throw new Error(`no listing for ${code}`);
      // 上报率 lists departments with what each has not reported: together, the decisions the reports miss.
      const listed = perDepartment ? listing.rows.reduce((sum, r) => sum + Number(r.gap), 0) : listing.total;
      const expected = LISTS_THE_GAP.has(code) || perDepartment ? Number(v.denominator ?? 0) - Number(v.numerator) : Number(v.numerator);
      compared++;
      if (listed !== expected) wrong.push(`${code} ${v.level}#${v.unit} ${v.month}: listed ${listed}, counted ${expected}`);
    }
    expect(compared).toBeGreaterThan(500);
    // A listing whose size is read from the value (spec.total) says which part of the value it lists, as here.
    for (const [code, spec] of Object.entries(DRILLDOWN_SPECS)) {
      if (spec.total) expect(`${code}: ${spec.total}`).toBe(`${code}: ${LISTS_THE_GAP.has(code) ? "gap" : "numerator"}`);
    }
    expect(wrong.slice(0, 40), `${wrong.length} of ${compared} disagree`).toEqual([]);
  });
});
