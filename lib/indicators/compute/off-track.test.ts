import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planTasks, taskTargets, workPlans, type Indicator, type OrgUnit } from "@/db/schema";
import { loadCatalogue } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { monthRange, type IsoMonth } from "@/lib/dates";
import { DEFAULT_CATALOGUE } from "../catalogue";
import { loadDatedTargets, type DatedTarget } from "./dated-targets";
import { scoreMonths, type ValueRow } from "./score-months";

const catalogue = DEFAULT_CATALOGUE.map((i) => ({ ...i, sortOrder: i.sortOrder ?? 0 })) as Indicator[];
const city = { id: 1, code: "c", name: "示范市", level: "city", districtKind: null, parentId: null, sortOrder: 0 } as OrgUnit;
const months = monthRange("2026-01", "2026-10");

/** The city's A-rated share rising by `step` points a month from 10 %. */
function taxShare(step: number): ValueRow[] {
  return months.map((month, i) => ({ month, orgUnitId: city.id, indicatorCode: "tax_a_share", value: 10 + step * i }));
}
const target = (over: Partial<DatedTarget> = {}): DatedTarget => ({
  indicatorCode: "tax_a_share", direction: "higher", value: 20, deadline: "2026-12-31", knownFrom: "2026-03", taskNumber: "7", ...over,
});
const offTrack = (values: ValueRow[], targets: DatedTarget[], scored: IsoMonth[] = ["2026-10"]) =>
  scoreMonths(values, scored, months, catalogue, [city], targets).warnings.filter((w) => w.kind === "off_track");

describe("预计无法按期达标", () => {
  it("warns when the six-month trend will not reach the dated target by its deadline", () => {
    // 2026-10 at 19 %, +0.2 a month: 19.4 % by December, short of 20 %.
    const slow = taxShare(0.2).map((v, i) => ({ ...v, value: 17.2 + 0.2 * i }));
    const [warning] = offTrack(slow, [target()]);
    expect(warning).toMatchObject({ month: "2026-10", orgUnitId: 1, indicatorCode: "tax_a_share", target: 20, value: 19 });
    expect(warning?.message).toBe("2026年10月示范市A级纳税人占比预计无法按期达标（工作要点第7项，2026-12-31前达到20）");
  });

  it("stays quiet when the trend gets there, before the plan was loaded, and once the deadline has passed", () => {
    expect(offTrack(taxShare(1), [target()])).toEqual([]); // 19 % in October, +1 a month: 21 % by December
    const slow = taxShare(0.1);
    expect(offTrack(slow, [target({ knownFrom: "2026-11" })])).toEqual([]);
    expect(offTrack(slow, [target({ deadline: "2026-09-30" })])).toEqual([]);
    expect(offTrack(slow, [target()])).toHaveLength(1);
  });

  it("raises one warning per indicator, for the earliest deadline it misses", () => {
    const slow = taxShare(0.1);
    const warnings = offTrack(slow, [target({ deadline: "2026-12-31", taskNumber: "9" }), target({ deadline: "2026-11-30", taskNumber: "3" })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain("第3项");
  });
});

describe("loadDatedTargets", () => {
  let t: TestDb;
  beforeEach(async () => (t = await createTestDb()));
  afterEach(() => t.cleanup());

  it("reads the active plans' indicator targets that have a deadline", async () => {
    await loadCatalogue(t.db, "2026-10");
    await t.db.insert(workPlans).values([
      { id: 1, title: "2026年工作要点", year: 2026, originalText: "…", loadedOn: "2026-03-15", active: true },
      { id: 2, title: "旧版", year: 2026, originalText: "…", loadedOn: "2026-02-01", active: false },
    ]);
    const task = { section: "一", title: "任务", text: "任务", sortOrder: 1, fingerprint: "f" };
    await t.db.insert(planTasks).values([
      { ...task, id: 1, planId: 1, number: "1", deadline: "2026-12-31" },
      { ...task, id: 2, planId: 1, number: "2", deadline: null },
      { ...task, id: 3, planId: 2, number: "1", deadline: "2026-12-31" },
    ]);
    await t.db.insert(taskTargets).values([
      { taskId: 1, indicatorCode: "tax_a_share", op: ">=", value: 20, text: "A级纳税人占比不低于20%" },
      { taskId: 1, indicatorCode: "uscc_error_rate", op: "<", value: 1, text: "重错码率低于1‱" },
      { taskId: 1, indicatorCode: "gov_default_open", op: "=", value: 0, text: "动态清零" },
      { taskId: 1, indicatorCode: null, op: ">=", value: 3, text: "开展培训不少于3次" },
      { taskId: 2, indicatorCode: "tax_a_share", op: ">=", value: 25, text: "无期限" },
      { taskId: 3, indicatorCode: "tax_a_share", op: ">=", value: 30, text: "旧版" },
    ]);
    const targets = await loadDatedTargets(t.db);
    expect(targets.map((x) => [x.indicatorCode, x.direction, x.value, x.deadline, x.knownFrom]).sort()).toEqual([
      ["gov_default_open", "lower", 0, "2026-12-31", "2026-03"], // 动态清零: reached from below
      ["tax_a_share", "higher", 20, "2026-12-31", "2026-03"],
      ["uscc_error_rate", "lower", 1, "2026-12-31", "2026-03"],
    ]);
  });
});
