import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, decisionCounts, departments, sgsRecords, entities, indicatorValues, planTasks, supervisionItems, supervisionRecords, warnings, workPlans } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { createWorkCalendar } from "@/lib/calendar";
import { write } from "@/lib/write";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { loadCatalogue, makeCity, makeEntity, makeSgsRecord, validCode, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { acknowledgeItem, markRecord, openSupervisionItem, reviewItem, submitFeedback } from "./actions";
import { addWorkingDays, lightOf } from "./deadline";
import { openSupervision, openTaskSupervision } from "./open";
import { getItem, itemsForTasks, itemsOfDepartment } from "./queries";
import { refreshVerdicts, verdictOf } from "./verdicts";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const calendar = createWorkCalendar();
const office: Viewer = OFFICE_VIEWER;

describe("deadlines and lights", () => {
  it("counts working days on the 调休 calendar, and Monday to Friday where a year is not known yet", () => {
    expect(addWorkingDays(calendar, "2026-09-30", 1)).toBe("2026-10-08");
    expect(addWorkingDays(calendar, "2026-09-30", 2)).toBe("2026-10-09");
    expect(addWorkingDays(calendar, "2026-11-20", 5)).toBe("2026-11-27");
    expect(addWorkingDays(calendar, "2026-12-30", 3)).toBe("2027-01-04");
  });

  it("is red when overdue, yellow within three working days, green before, and none once closed", () => {
    expect(lightOf("open", "2026-11-25", "2026-11-26", calendar)).toBe("red");
    expect(lightOf("submitted", "2026-12-01", "2026-11-26", calendar)).toBe("yellow");
    expect(lightOf("acknowledged", "2026-11-26", "2026-11-26", calendar)).toBe("yellow");
    expect(lightOf("open", "2026-12-02", "2026-11-26", calendar)).toBe("green");
    expect(lightOf("accepted", "2026-11-01", "2026-11-26", calendar)).toBeNull();
  });
});

describe("a 督办 item from opening to acceptance", () => {
  let t: TestDb;
  let city: TestCity;
  let other: number;
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
    [{ id: other }] = await t.db.insert(departments).values({ code: "other", name: "另一局", shortName: "另一局" }).returning({ id: departments.id }) as [{ id: number }];
  });
  afterEach(() => t.cleanup());

  const dept = (departmentId: number): Viewer => ({ ...office, userId: 2, username: "dept", role: "department", departmentId });
  const district = (districtId: number): Viewer => ({ ...office, userId: 3, username: "district", role: "district", districtId });
  const leader: Viewer = { ...office, role: "leader" };

  async function open() {
    const outcome = await write(t.db, office, openSupervisionItem, {
      indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, month: "2026-10", warningKind: "red", departmentIds: [city.departmentId],
      deadline: "2099-12-31", note: "逐条更正", columns: [{ key: "uscc", label: "代码" }], records: [{ uscc: "91339902MA0000000X" }, { uscc: "9133990" }], value: 12.5, target: 5,
    });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.value.id;
  }

  it("is handed to its department and district with its records frozen, worked on by them and closed by the office", async () => {
    const id = await open();
    const [item] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, id));
    expect(item).toMatchObject({ status: "open", districtId: city.districts[0]!.id, recordCount: 2, valueAtCreation: 12.5 });
    const records = await t.db.select().from(supervisionRecords).where(eq(supervisionRecords.itemId, id)).orderBy(supervisionRecords.position);
    expect(records.map((r) => JSON.parse(r.data).uscc)).toEqual(["91339902MA0000000X", "9133990"]);

    // Only its parties work on it; the office cannot review before a submission.
    expect(await write(t.db, dept(other), acknowledgeItem, { itemId: id })).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, leader, acknowledgeItem, { itemId: id })).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, office, reviewItem, { itemId: id, decision: "accept" })).toMatchObject({ ok: false, status: 409 });
    expect(await write(t.db, dept(city.departmentId), acknowledgeItem, { itemId: id })).toMatchObject({ ok: true });
    expect(await write(t.db, dept(city.departmentId), acknowledgeItem, { itemId: id })).toMatchObject({ ok: false, status: 409 });

    expect(await write(t.db, dept(city.departmentId), markRecord, { itemId: id, recordId: records[1]!.id, mark: "unfixable" }))
      .toMatchObject({ ok: false, status: 422, fieldErrors: { reason: "无法更正或非本单位时请说明原因" } });
    expect(await write(t.db, district(city.districts[0]!.id), markRecord, { itemId: id, recordId: records[1]!.id, mark: "unfixable", reason: "主体已注销" })).toMatchObject({ ok: true });
    expect(await write(t.db, dept(city.departmentId), markRecord, { itemId: id, recordId: records[0]!.id, mark: "fixed" })).toMatchObject({ ok: true });
    expect(await write(t.db, dept(city.departmentId), submitFeedback, { itemId: id, feedback: "短" })).toMatchObject({ ok: false, status: 422 });
    expect(await write(t.db, dept(city.departmentId), submitFeedback, { itemId: id, feedback: "已更正1条，1条主体已注销无法更正" })).toMatchObject({ ok: true });
    expect(await write(t.db, dept(city.departmentId), markRecord, { itemId: id, recordId: records[0]!.id, mark: "fixed" })).toMatchObject({ ok: false, status: 409 });

    expect(await write(t.db, office, reviewItem, { itemId: id, decision: "return" })).toMatchObject({ ok: false, status: 422 });
    expect(await write(t.db, office, reviewItem, { itemId: id, decision: "return", reason: "请附更正依据" })).toMatchObject({ ok: true });
    expect(await write(t.db, dept(city.departmentId), submitFeedback, { itemId: id, feedback: "已附更正依据，见系统记录" })).toMatchObject({ ok: true });
    expect(await write(t.db, office, reviewItem, { itemId: id, decision: "accept" })).toMatchObject({ ok: true });
    const [closed] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, id));
    expect(closed).toMatchObject({ status: "accepted", returnReason: null });
    expect(closed!.closedAt).not.toBeNull();
    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog).orderBy(auditLog.id)).map((r) => r.a);
    expect(actions).toEqual(["supervision.open", "supervision.acknowledge", "supervision.mark_record", "supervision.mark_record", "supervision.submit", "supervision.review", "supervision.submit", "supervision.review"]);
  });

  it("is opened only by the office, for departments that exist, with a deadline not in the past", async () => {
    const base = { indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-01-01", columns: [], records: [], value: null, target: null };
    expect(await write(t.db, dept(city.departmentId), openSupervisionItem, base)).toMatchObject({ ok: false, status: 403 });
    expect(await write(t.db, office, openSupervisionItem, { ...base, departmentIds: [] })).toMatchObject({ ok: false, status: 422, fieldErrors: { departmentIds: "请至少选择一个责任单位" } });
    expect(await write(t.db, office, openSupervisionItem, { ...base, departmentIds: [999] })).toMatchObject({ ok: false, status: 422 });
    expect(await write(t.db, office, openSupervisionItem, { ...base, deadline: "2020-01-01" })).toMatchObject({ ok: false, status: 422, fieldErrors: { deadline: "期限不能早于今天" } });
    expect(await write(t.db, office, openSupervisionItem, { ...base, indicatorCode: "nothing" })).toMatchObject({ ok: false, status: 422 });
  });
});

describe("next month decides", () => {
  it("judges by the latest value against the target and the value at opening", () => {
    expect(verdictOf("lower", 12, 4, 5)).toBe("effective");
    expect(verdictOf("lower", 12, 8, 5)).toBe("partial");
    expect(verdictOf("lower", 12, 12, 5)).toBe("none");
    expect(verdictOf("higher", 60, 95, 90)).toBe("effective");
    expect(verdictOf("higher", 60, 70, 90)).toBe("partial");
    expect(verdictOf("higher", 60, null, 90)).toBeNull();
  });

  it("updates every item after a computation, and flags one closed as done whose indicator is red again", async () => {
    const t = await createTestDb();
    try {
      const city = await makeCity(t.db, ["城关区"]);
      await loadCatalogue(t.db, "2026-10");
      const unit = city.districts[0]!.id;
      const [item] = await t.db.insert(supervisionItems).values({ indicatorCode: "uscc_error_rate", orgUnitId: unit, month: "2026-09", valueAtCreation: 12, target: 5, deadline: "2026-10-20", status: "accepted", createdBy: "office", createdAt: "2026-10-01" }).returning();
      const value = (month: string, v: number) => ({ month, orgUnitId: unit, indicatorCode: "uscc_error_rate", value: v, numerator: v, denominator: 1 });
      await t.db.insert(indicatorValues).values([value("2026-09", 12), value("2026-10", 8)]);
      await t.db.insert(warnings).values({ month: "2026-10", orgUnitId: unit, indicatorCode: "uscc_error_rate", kind: "red", value: 8, target: 5, redLine: 7, owners: "[]", message: "红" });
      expect(await refreshVerdicts(t.db.$client, t.executor)).toBe(1);
      const [after] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, item!.id));
      expect(after).toMatchObject({ valueNow: 8, valueNowMonth: "2026-10", verdict: "partial", redAfterClosing: true });
    } finally {
      t.cleanup();
    }
  });
});

describe("the item's own month, corrected", () => {
  it("is judged once its value has changed, and not before", async () => {
    const t = await createTestDb();
    try {
      const city = await makeCity(t.db, ["城关区"]);
      await loadCatalogue(t.db, "2026-10");
      const unit = city.districts[0]!.id;
      const [item] = await t.db.insert(supervisionItems).values({ indicatorCode: "uscc_error_rate", orgUnitId: unit, month: "2026-10", valueAtCreation: 12, target: 5, deadline: "2026-11-20", status: "open", createdBy: "office", createdAt: "2026-11-01" }).returning();
      await t.db.insert(indicatorValues).values({ month: "2026-10", orgUnitId: unit, indicatorCode: "uscc_error_rate", value: 12, numerator: 12, denominator: 1 });
      const after = async () => (await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, item!.id)))[0];
      await refreshVerdicts(t.db.$client, t.executor);
      expect(await after()).toMatchObject({ valueNow: null, valueNowMonth: null, verdict: null });
      await t.db.update(indicatorValues).set({ value: 4 }).where(eq(indicatorValues.orgUnitId, unit));
      await refreshVerdicts(t.db.$client, t.executor);
      expect(await after()).toMatchObject({ valueNow: 4, valueNowMonth: "2026-10", verdict: "effective" });
    } finally {
      t.cleanup();
    }
  });
});

describe("each attached record, judged by the data", () => {
  let t: TestDb;
  let city: TestCity;
  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
  });
  afterEach(() => t.cleanup());


  // What the page shows of each record: read through getItem, which judges them against the data as it stands.
  const judged = async (itemId: number) => {
    const found = await getItem(t.db, office, itemId, calendar, "2026-11-27");
    if (!found || found === "forbidden") throw new Error("no item");
    return found.records.map((r) => ({ name: String(r.data.name ?? r.data.department), key: r.recordKey, state: r.dataState })).sort((a, b) => a.name.localeCompare(b.name));
  };

  it("is fixed once the listing it was frozen from no longer holds it, and still there while it does", async () => {
    const districtId = city.districts[0]!.id;
    const wrong = [await makeEntity(t.db, { districtId, uscc: "91339902MA0000000X" }), await makeEntity(t.db, { districtId, uscc: "9133990" })];
    for (let i = 0; i < 8; i++) await makeEntity(t.db, { districtId });
    await runCompute(t.db, t.executor, ["2026-10"]);
    const opened = await openSupervision(t.db, office, { indicatorCode: "uscc_error_rate", orgUnitId: districtId, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" });
    if (!opened.ok) throw new Error(opened.message);
    wrong.sort((a, b) => a.name.localeCompare(b.name));
    const stillThere = { fixed: false, month: "2026-10" };
    expect(await judged(opened.value.id)).toEqual(wrong.map((e) => ({ name: e.name, key: e.id, state: stillThere })));

    // A second item, the city's, opened after a third wrong code came in: it holds three bodies, the district's item two;
    // each item's records are judged on their own.
    const later = await makeEntity(t.db, { districtId: city.districts[0]!.id, uscc: "913399" });
    const cityItem = await openSupervision(t.db, office, { indicatorCode: "uscc_error_rate", orgUnitId: city.cityId, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" });
    if (!cityItem.ok) throw new Error(cityItem.message);
    const cityStates = async () => (await judged(cityItem.value.id)).map((r) => [r.name, r.state?.fixed]).sort();

    // The register corrects the first body's code: the item says so as soon as it is read, before any computation.
    await t.db.update(entities).set({ uscc: validCode(), usccFailures: "[]" }).where(eq(entities.id, wrong[0]!.id));
    expect(await judged(opened.value.id)).toEqual([{ name: wrong[0]!.name, key: wrong[0]!.id, state: { fixed: true, month: "2026-10" } }, { name: wrong[1]!.name, key: wrong[1]!.id, state: stillThere }]);
    expect(await cityStates()).toEqual([[later.name, false], [wrong[0]!.name, true], [wrong[1]!.name, false]].sort());

    // A code broken again is there again.
    await t.db.update(entities).set({ uscc: "9133990", usccFailures: null }).where(eq(entities.id, wrong[0]!.id));
    expect((await judged(opened.value.id)).map((r) => r.state)).toEqual([stillThere, stillThere]);
    expect(await cityStates()).toEqual([[later.name, false], [wrong[0]!.name, false], [wrong[1]!.name, false]].sort());
  });

  it("as a 双公示 record of the item's month, is fixed once it is sent again compliant", async () => {
    const districtId = city.districts[0]!.id;
    const bad = await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId, subjectCode: "123" });
    await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId });
    expect(bad.failedRules).not.toBe("[]");
    await runCompute(t.db, t.executor, ["2026-10"]);
    const opened = await openSupervision(t.db, office, { indicatorCode: "sgs_compliance_rate", orgUnitId: districtId, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" });
    if (!opened.ok) throw new Error(opened.message);
    const states = async () => (await judged(opened.value.id)).map((r) => ({ key: r.key, state: r.state }));
    expect(await states()).toEqual([{ key: bad.id, state: { fixed: false, month: "2026-10" } }]);
    await t.db.update(sgsRecords).set({ subjectCode: validCode(), failedRules: "[]" }).where(eq(sgsRecords.id, bad.id));
    expect(await states()).toEqual([{ key: bad.id, state: { fixed: true, month: "2026-10" } }]);
  });

  it("as a per-department row (上报率), is fixed once the department has reported what it decided", async () => {
    const districtId = city.districts[0]!.id;
    await t.db.insert(decisionCounts).values({ month: "2026-10", kind: "license", departmentId: city.departmentId, orgUnitId: districtId, decisions: 3 });
    await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId });
    await runCompute(t.db, t.executor, ["2026-10"]);
    const opened = await openSupervision(t.db, office, { indicatorCode: "sgs_report_rate", orgUnitId: districtId, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" });
    if (!opened.ok) throw new Error(opened.message);
    const [row] = await judged(opened.value.id);
    expect(row).toMatchObject({ key: null, state: { fixed: false, month: "2026-10" } });
    await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId });
    expect((await judged(opened.value.id))[0]!.state).toEqual({ fixed: false, month: "2026-10" });
    await makeSgsRecord(t.db, { districtId, departmentId: city.departmentId });
    expect((await judged(opened.value.id))[0]!.state).toEqual({ fixed: true, month: "2026-10" });
  });
});

describe("a 督办 item for a work-plan task", () => {
  it("is handed to the departments chosen, named by the task, and refused when it names both a value and a task or neither", async () => {
    const t = await createTestDb();
    try {
      const city = await makeCity(t.db, ["城关区"]);
      await loadCatalogue(t.db, "2026-10");
          const [plan] = await t.db.insert(workPlans).values({ title: "2026年工作要点", originalText: "…", loadedOn: "2026-03-01", active: true }).returning();
      const [task] = await t.db.insert(planTasks).values({ planId: plan!.id, section: "一", number: "3", title: "完善信用承诺制度", text: "…", deadline: "2026-06-30", sortOrder: 3, fingerprint: "x" }).returning();
      const opened = await openTaskSupervision(t.db, office, { taskId: task!.id, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31", note: "逾期未完成，请说明" });
      if (!opened.ok) throw new Error(opened.message);
      const [item] = await t.db.select().from(supervisionItems).where(eq(supervisionItems.id, opened.value.id));
      expect(item).toMatchObject({ taskId: task!.id, taskLabel: "3 完善信用承诺制度", indicatorCode: null, orgUnitId: null, districtId: null, recordCount: 0 });
      const [view] = await itemsOfDepartment(t.db, city.departmentId, calendar, "2026-11-26");
      expect(view).toMatchObject({ subject: "工作任务 3 完善信用承诺制度", light: "green" });
      expect((await itemsForTasks(t.db, calendar, "2026-11-26")).get(task!.id)).toMatchObject({ id: opened.value.id, status: "open" });

      const both = { indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, taskId: task!.id, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31", columns: [], records: [], value: null, target: null };
      expect(await write(t.db, office, openSupervisionItem, both)).toMatchObject({ ok: false, status: 422, message: "督办事项应针对一个指标值或一项工作任务" });
      expect(await write(t.db, office, openSupervisionItem, { ...both, indicatorCode: null, orgUnitId: null, taskId: null })).toMatchObject({ ok: false, status: 422 });
      expect(await openTaskSupervision(t.db, office, { taskId: 99_999, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31" })).toMatchObject({ ok: false, status: 422, message: "没有这项工作任务" });
    } finally {
      t.cleanup();
    }
  });
});
