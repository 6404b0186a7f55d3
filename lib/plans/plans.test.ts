import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { departmentAliases, departments, indicatorValues, progressReports, workPlans } from "@/db/schema";
import { forDepartment } from "@/lib/departments/scope";
import { runCompute } from "@/lib/indicators/compute/run-compute";
import { loadCatalogue, makeCity, makeEntity, makeSgsRecord } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { systemViewer, type Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { recordProgress as progressAction } from "./record-progress";
import type { ReviewedPlan } from "./reviewed-plan";
import { unsettledUnits } from "./reviewed-plan";
import { savePlanAction } from "./save-plan";

const office = systemViewer("测试");
const departmentViewer = (departmentId: number): Viewer => ({ ...office, userId: 99, username: "dep", role: "department", departmentId });
async function savePlan(db: TestDb["db"], p: ReviewedPlan, key?: string) {
  const outcome = await write(db, office, savePlanAction, p, { submissionKey: key });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}
async function recordProgress(db: TestDb["db"], input: Record<string, unknown>, viewer: Viewer = office) {
  const outcome = await write(db, viewer, progressAction, input);
  return outcome.ok ? { ok: true } : { ok: false, errors: outcome.fieldErrors, status: outcome.status, message: outcome.message };
}
import { loadTaskBoard } from "./task-board";

let t: TestDb;
beforeEach(async () => (t = await createTestDb()));
afterEach(() => t.cleanup());

async function setup() {
  const city = await makeCity(t.db, ["甲区"]);
  const [samr] = await t.db.insert(departments).values({ code: "samr", name: "市市场监督管理局", shortName: "市市场监管局", registersAuthority: "9" }).returning();
  const [tax] = await t.db.insert(departments).values({ code: "tax", name: "市税务局", shortName: "市税务局" }).returning();
  await loadCatalogue(t.db, "2026-10");
  return { city, samr: samr!, tax: tax! };
}

function plan(samrId: number, taxId: number, overrides: Partial<ReviewedPlan> = {}): ReviewedPlan {
  return {
    title: "2026年社会信用体系建设工作要点", year: 2026, originalText: "一、…", replacesPlanId: null,
    tasks: [
      { section: "一、夯实基础", number: "1", title: "降低重错码率", text: "统一社会信用代码重错码率低于万分之一。", deadline: "2026-12-31",
        targets: [{ indicator: "uscc_error_rate", op: "<", value: 1, unit: "‱", text: "低于万分之一" }],
        units: [{ writtenAs: "区市场监管局", role: "responsible", departmentIds: [samrId], ignored: false }] },
      { section: "一、夯实基础", number: "2", title: "提升A级纳税人占比", text: "A级纳税人占比达到15%。", deadline: "2026-06-30",
        targets: [{ indicator: "tax_a_share", op: ">=", value: 15, unit: "%", text: "达到15%" }],
        units: [{ writtenAs: "区税务局", role: "lead", departmentIds: [taxId], ignored: false }, { writtenAs: "各镇(街道)", role: "responsible", departmentIds: [], ignored: true }] },
    ],
    ...overrides,
  };
}

describe("work plans", () => {
  it("saves a confirmed plan, remembers settled names, and refuses progress from a department the task does not name", async () => {
    const { samr, tax } = await setup();
    expect(unsettledUnits({ ...plan(samr.id, tax.id), tasks: [{ ...plan(samr.id, tax.id).tasks[1]!, units: [{ writtenAs: "区科技局", role: "responsible", departmentIds: [], ignored: false }] }] }))
      .toEqual(["第2项任务的“区科技局”尚未对应到部门"]);
    const { planId } = await savePlan(t.db, plan(samr.id, tax.id));
    expect((await t.db.select().from(departmentAliases).where(eq(departmentAliases.alias, "区市场监管局")))[0]?.departmentId).toBe(samr.id);

    const board = await loadTaskBoard(t.db, "2026-10");
    expect(board.map((b) => [b.number, b.status])).toEqual([["1", "not_started"], ["2", "overdue"]]);
    expect(board[0]!.units.map((u) => u.name)).toEqual(["市市场监管局"]);

    const refused = await recordProgress(t.db, { taskId: board[0]!.id, departmentId: tax.id, status: "in_progress", note: "", reportedOn: "2026-11-01" });
    expect(refused).toMatchObject({ ok: false, status: 422, errors: { departmentId: "该部门不是此任务的牵头或责任单位" } });
    const bad = await recordProgress(t.db, { taskId: board[0]!.id, departmentId: samr.id, status: "finished", reportedOn: "2026-13-01" });
    expect(bad.ok).toBe(false);
    expect(await recordProgress(t.db, { taskId: board[0]!.id, departmentId: samr.id, status: "in_progress", note: "已核查错码", reportedOn: "2026-11-01" })).toEqual({ ok: true });
    expect((await loadTaskBoard(t.db, "2026-10"))[0]!.status).toBe("in_progress");

    // A new version: task 1 unchanged keeps its progress; task 2 reworded starts afresh.
    const next = plan(samr.id, tax.id, { replacesPlanId: planId });
    next.tasks[1] = { ...next.tasks[1]!, text: "A级纳税人占比达到16%。" };
    const saved = await savePlan(t.db, next);
    expect(saved.carriedTasks).toBe(1);
    const after = await loadTaskBoard(t.db, "2026-10");
    expect(after).toHaveLength(2);
    expect(after[0]!.reports.map((r) => r.note)).toEqual(["已核查错码"]);
    expect(after[1]!.reports).toEqual([]);
    expect((await t.db.select().from(workPlans).where(eq(workPlans.id, planId)))[0]?.active).toBe(false);
    expect(await t.db.$count(progressReports)).toBe(2);
  });

  it("replaces only the plan in force: a stale or repeated save is refused, concurrent saves leave one active plan", async () => {
    const { samr, tax } = await setup();
    const { planId } = await savePlan(t.db, plan(samr.id, tax.id));
    const replace = plan(samr.id, tax.id, { replacesPlanId: planId });
    const outcomes = await Promise.all([1, 2, 3].map(() => write(t.db, office, savePlanAction, replace)));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    for (const o of outcomes.filter((o) => !o.ok)) expect(o).toMatchObject({ status: 409, message: expect.stringContaining("已不是现行版本") });
    // Saving the same new plan again (no replacement named) is refused while one of that name is in force.
    expect(await write(t.db, office, savePlanAction, plan(samr.id, tax.id))).toMatchObject({ ok: false, status: 409 });
    expect(await t.db.$count(workPlans, eq(workPlans.active, true))).toBe(1);
    // The same submission sent twice is recognised and returns the first result.
    const active = (await t.db.select().from(workPlans).where(eq(workPlans.active, true)))[0]!;
    const fresh = plan(samr.id, tax.id, { replacesPlanId: active.id });
    const [a, b] = [await write(t.db, office, savePlanAction, fresh, { submissionKey: "k1" }), await write(t.db, office, savePlanAction, fresh, { submissionKey: "k1" })];
    expect(a).toMatchObject({ ok: true, repeated: false });
    expect(b).toMatchObject({ ok: true, repeated: true, value: a.ok ? a.value : null });
    // A department that does not exist is a field error, not a crash.
    const ghost = plan(samr.id, 9999, { title: "另一份工作要点" });
    expect(await write(t.db, office, savePlanAction, ghost)).toMatchObject({ ok: false, status: 422, message: expect.stringContaining("部门不存在") });
  });

  it("takes progress only from the department itself, once per identical report, never from a leader", async () => {
    const { samr, tax } = await setup();
    await savePlan(t.db, plan(samr.id, tax.id));
    const [task] = await loadTaskBoard(t.db, "2026-10");
    const report = { taskId: task!.id, departmentId: samr.id, status: "in_progress", note: "已整改", reportedOn: "2026-11-01" };
    expect(await recordProgress(t.db, report, departmentViewer(tax.id))).toMatchObject({ ok: false, status: 403 });
    expect(await recordProgress(t.db, report, { ...office, role: "leader" })).toMatchObject({ ok: false, status: 403 });
    const fifty = await Promise.all(Array.from({ length: 50 }, () => recordProgress(t.db, report, departmentViewer(samr.id))));
    expect(fifty.filter((r) => r.ok)).toHaveLength(1);
    expect(fifty.filter((r) => !r.ok).every((r) => (r as { status: number }).status === 409)).toBe(true);
    expect(await t.db.$count(progressReports)).toBe(1);
    expect(await recordProgress(t.db, { ...report, taskId: 424242 })).toMatchObject({ ok: false, status: 422 });
  });

  it("gives a department only its own weak indicators, tasks and records to fix", async () => {
    const { city, samr, tax } = await setup();
    const district = city.districts[0]!;
    await makeEntity(t.db, { districtId: district.id, kind: "individual_business", uscc: "92339902MA0000001X" });
    await makeEntity(t.db, { districtId: district.id });
    await makeSgsRecord(t.db, { districtId: district.id, departmentId: samr.id, decisionDate: "2026-10-10", reportedDate: "2026-10-30" });
    await makeSgsRecord(t.db, { districtId: district.id, departmentId: tax.id, decisionDate: "2026-10-12", reportedDate: "2026-10-13", docNumber: null });
    await runCompute(t.db, t.executor, ["2026-10"]);
    await savePlan(t.db, plan(samr.id, tax.id));

    const scope = (await forDepartment(t.db, samr.id))!;
    const weak = await scope.weakIndicators("2026-10");
    expect(weak.map((w) => w.indicator.code)).toContain("uscc_error_rate");
    expect(weak.every((w) => (JSON.parse(w.indicator.ownerDepartments) as string[]).includes("samr"))).toBe(true);
    expect((await scope.tasks("2026-10")).map((task) => task.number)).toEqual(["1"]);
    const records = await scope.badSgsRecords("2026-10");
    // Decided on 调休 Saturday 2026-10-10: due 10-20; reported 10-30 is 8 working days late (10-21…10-30).
    expect(records.rows.map((r) => r.problems)).toEqual([["逾期8个工作日上报"]]);
    const codes = await scope.issuedCodeProblems("2026-10");
    expect(codes?.rows.map((r) => r.uscc)).toEqual(["92339902MA0000001X"]);
    expect(await (await forDepartment(t.db, tax.id))!.issuedCodeProblems("2026-10")).toBeNull();
    expect(await forDepartment(t.db, 9999)).toBeNull();
  });
  it("shows a 2023 plan's task whose targets are met as 已达标, not 逾期, with its deadline's kind and a notice of the year", async () => {
    const { city, samr, tax } = await setup();
    // 2023-10-31 has long passed; the city's latest figure meets the target.
    await t.db.insert(indicatorValues).values({ month: "2026-10", orgUnitId: city.cityId, indicatorCode: "tax_a_share", numerator: 16, denominator: 100, value: 16 });
    const base = plan(samr.id, tax.id);
    await savePlan(t.db, {
      ...base, title: "2023年社会信用体系建设工作要点", year: 2023,
      tasks: [
        { ...base.tasks[1]!, number: "1", text: "提升A级纳税人占比。2023年10月底前,A级纳税人占比达到15%。", deadline: "2023-10-31" },
        { ...base.tasks[0]!, number: "2", text: "降低重错码率。每季度通报一次,重错码率低于万分之一。", deadline: "2023-12-31" },
        { ...base.tasks[0]!, number: "3", text: "完善信用制度。", deadline: "2023-12-31", targets: [] },
      ],
    });
    const board = await loadTaskBoard(t.db, "2026-10");
    expect(board.map((b) => [b.number, b.status, b.deadline, b.deadlineKind, b.deadlineText])).toEqual([
      ["1", "met", "2023-10-31", "date", "2023年10月底前"],
      ["2", "not_started", "2023-12-31", "recurring", "每季度"],
      ["3", "overdue", "2023-12-31", "default", null],
    ]);
    expect(board[0]!.yearNotice).toBe("《2023年社会信用体系建设工作要点》为2023年工作要点，当前查看的是2026年10月：目标按2026年10月的数值判断，期限仍为2023年的期限。");
  });
});
