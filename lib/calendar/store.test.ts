import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { indicatorValues, sgsRecords } from "@/db/schema";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { loadCatalogue, makeCity, makeSgsRecord } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { parseHolidayNotice } from "./notice";
import { systemViewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { enterHolidayNotice, loadWorkCalendar } from "./store";
import { UncoveredYearError } from "./uncovered-year-error";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

const NOTICE_2027 = {
  year: 2027, notice: "国办发明电（测试）",
  overrides: [{ date: "2027-01-01", kind: "holiday", note: "元旦" }, { date: "2027-02-06", kind: "holiday", note: "春节" }],
};

describe("holiday notices entered by the office", () => {
  it("rejects a malformed notice naming the entry and field", () => {
    const result = parseHolidayNotice({ year: 2027, overrides: [{ date: "2027-02-30", kind: "holiday" }, { date: "2028-01-01", kind: "rest" }] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain("第1条：date（日期）应为有效的YYYY-MM-DD");
      expect(result.errors.some((e) => e.startsWith("第2条：kind（类型）"))).toBe(true);
    }
  });

  it("leaves a record whose deadline falls in an uncovered year undecided and says so, until the notice is entered", async () => {
    const city = await makeCity(t.db, ["甲区"]);
    const district = city.districts[0]!;
    await loadCatalogue(t.db, "2026-12");
    // Monday 2026-12-28: its 7th working day falls in January 2027.
    const record = await makeSgsRecord(t.db, { districtId: district.id, departmentId: city.departmentId, decisionDate: "2026-12-28", reportedDate: "2027-01-07", validFrom: "2026-12-28" });
    expect(record.workingDaysLate).toBeNull();
    await expect(loadWorkCalendar(t.db).then((c) => c.addWorkingDays("2026-12-28", 7))).rejects.toBeInstanceOf(UncoveredYearError);

    const before = await runCompute(t.db, t.executor, ["2026-12"]);
    expect(before.notices).toEqual(["2026年12月有1条双公示记录涉及节假日安排尚未录入的年份，其及时性暂无法判定，未计入及时率。"]);
    const timeliness = () => t.db.select().from(indicatorValues).where(and(eq(indicatorValues.month, "2026-12"),
      eq(indicatorValues.orgUnitId, district.id), eq(indicatorValues.indicatorCode, "sgs_timeliness_rate")));
    expect((await timeliness())[0]?.value).toBeNull();

    const parsed = parseHolidayNotice(NOTICE_2027);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(await write(t.db, systemViewer("测试"), enterHolidayNotice, parsed.notice)).toMatchObject({ ok: true });
    const after = await runCompute(t.db, t.executor, ["2026-12"]);
    expect(after.notices).toEqual([]);
    // 12-29, 12-30, 12-31, (元旦 01-01, weekend), 01-04, 01-05, 01-06, 01-07: the 7th working day is 01-07.
    const [stored] = await t.db.select().from(sgsRecords).where(eq(sgsRecords.id, record.id));
    expect(stored?.workingDaysLate).toBe(0);
    expect((await timeliness())[0]?.value).toBe(100);
  });
});
