import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enteredValues, importBatches, indicatorValues, orgUnits } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { addEnteredIndicator } from "@/lib/indicators/entered";
import { write } from "@/lib/write";
import { loadCatalogue, makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { OFFICE_VIEWER } from "@/tests/support/viewers";
import { batchRows } from "./history";
import { importFile } from "./import-file";

let t: TestDb;
let city: TestCity;
let dir: string;
let code: string;
beforeEach(async () => {
  t = await createTestDb();
  city = await makeCity(t.db, ["城关区", "西山区"]);
  await loadCatalogue(t.db, "2026-10");
  const added = await write(t.db, OFFICE_VIEWER, addEnteredIndicator, {
    name: "信用承诺覆盖率", category: "信用承诺", formula: "作出信用承诺的办理事项数 ÷ 应承诺事项数，各区县每月报送", unit: "percent", direction: "higher",
    target: "95", redLine: "90", zeroPoint: "60", weight: "10", owners: "", inComposite: true, effectiveFrom: "2026-09",
  });
  if (!added.ok) throw new Error(added.message);
  code = added.value.code;
  dir = mkdtempSync(join(tmpdir(), "credit-import-values-"));
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const office: Viewer = OFFICE_VIEWER;
const department = (id: number): Viewer => ({ ...office, userId: 2, username: "dept", role: "department", departmentId: id });

function load(path: string, viewer: Viewer = office) {
  return importFile(t.db, viewer, { dataset: "indicator-values", departmentId: null, via: "命令行", file: { path, fileName: path.split("/").at(-1)!, bytes: 1 } });
}
function csv(content: string): string {
  const path = join(dir, `values-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, content);
  return path;
}
const lastBatch = async () => (await t.db.select().from(importBatches)).at(-1)!;
const [districtA, districtB] = [() => city.districts[0]!, () => city.districts[1]!];
const scored = async (orgUnitId: number, month: string) =>
  (await t.db.select({ value: indicatorValues.value, score: indicatorValues.score }).from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorCode, code), eq(indicatorValues.orgUnitId, orgUnitId), eq(indicatorValues.month, month))))[0];

const FILE = () => [
  "指标,单位,月份,数值,备注",
  "信用承诺覆盖率,城关区,2026-10,98.5%,区县报送",
  `${code},西山区,2026年10月,９０,`,
  "信用承诺覆盖率,测试市,2026-10,100,",
  "信用承诺覆盖率,城关区一街道,2026-09,70,",
  "典型案例报送数,城关区,2026-10,3,",
  "A级纳税人占比,城关区,2026-10,20,",
  "信用承诺覆盖率,外省某县,2026-10,80,",
  "信用承诺覆盖率,西山区,2026-09,120,",
  "信用承诺覆盖率,西山区,2026-08,八十,",
  "信用承诺覆盖率,西山区,2026-08,,",
].join("\n");

describe("人工填报指标数值", () => {
  it("stores the values of entered indicators from a CSV, scores them, and rejects what the form would refuse", async () => {
    const outcome = await load(csv(FILE()));
    expect(outcome).toMatchObject({ ok: true, read: 10, inserted: 4, updated: 0, unchanged: 0, rejected: 6, months: ["2026-09", "2026-10"], recomputed: ["2026-09", "2026-10"] });
    const batch = await lastBatch();
    expect(batch.departmentId).toBeNull();
    expect((await batchRows(t.db, batch.id, "rejected")).map((r) => [r.rowNumber, r.column, r.reason])).toEqual([
      [6, "指标", "指标目录中没有“典型案例报送数”"],
      [7, "指标", "A级纳税人占比由记录计算得出，不能导入数值"],
      [8, "单位", "本市没有名为“外省某县”的单位（市、区县、功能区或乡镇街道）"],
      [9, "数值", "西山区：百分比不超过100"],
      [10, "数值", "西山区：“八十”不是数字"],
      [11, "数值", "数值为空，文件中的空值不会清除已填报的数值；要撤回某单位的数值，请在“设置 / 指标目录”的填报页面清空该格"],
    ]);
    const stored = await t.db.select().from(enteredValues).orderBy(enteredValues.month, enteredValues.orgUnitId);
    expect(stored.map((v) => [v.orgUnitId, v.month, v.value, v.enteredBy])).toEqual([
      [districtA().townIds[0], "2026-09", 70, "office"],
      [city.cityId, "2026-10", 100, "office"],
      [districtA().id, "2026-10", 98.5, "office"],
      [districtB().id, "2026-10", 90, "office"],
    ]);
    // Scored by the import's own recompute, as values entered on screen are.
    expect(await scored(districtA().id, "2026-10")).toEqual({ value: 98.5, score: 100 });
    expect((await scored(districtB().id, "2026-10"))!.score).toBeLessThan(100);
    expect(await scored(districtA().townIds[0]!, "2026-09")).toMatchObject({ value: 70 });

    expect(await load(csv(FILE()))).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 4, rejected: 6, months: [], recomputed: [] });
  });

  it("reads an xlsx under the columns' other names: division codes, a month Excel made a date, a percent-formatted cell", async () => {
    await load(csv(FILE()));
    const [east] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, districtA().id));
    const [west] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, districtB().id));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("填报");
    sheet.addRow(["2026年10月人工填报指标"]);
    sheet.addRow(["指标名称", "行政区划代码", "所属月份", "完成值"]);
    const row = sheet.addRow(["信用承诺覆盖率", east!.code, new Date(Date.UTC(2026, 9, 1)), 0.975]);
    row.getCell(3).numFmt = "yyyy-mm";
    row.getCell(4).numFmt = "0.0%";
    sheet.addRow([code, west!.code, "2026-10", 90]);
    const path = join(dir, "values.xlsx");
    await workbook.xlsx.writeFile(path);

    expect(await load(path)).toMatchObject({ ok: true, read: 2, inserted: 0, updated: 1, unchanged: 1, rejected: 0, recomputed: ["2026-10"] });
    expect(await scored(districtA().id, "2026-10")).toEqual({ value: 97.5, score: 100 });
  });

  it("is the office's to send: a department is refused and nothing is stored", async () => {
    expect(await load(csv(FILE()), department(city.departmentId))).toMatchObject({ ok: false, status: 403, message: "“人工填报指标数值”由信用办导入" });
    expect(await t.db.select().from(enteredValues)).toEqual([]);
  });

  it("takes a unit retired before the month as the form does: refused", async () => {
    await t.db.update(orgUnits).set({ retiredFrom: "2026-10" }).where(eq(orgUnits.id, districtB().id));
    await load(csv("指标,区县,月份,值\n信用承诺覆盖率,西山区,2026-10,90\n信用承诺覆盖率,西山区,2026-09,90"));
    expect((await batchRows(t.db, (await lastBatch()).id, "rejected")).map((r) => r.reason)).toEqual(["西山区自2026-10起已撤销，不能填报2026-10的数值"]);
    expect(await t.db.select({ month: enteredValues.month }).from(enteredValues)).toEqual([{ month: "2026-09" }]);
  });
});
