import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "../read";
import { HEADER, TITLE, day, workbook, type SheetSpec, type Value } from "./__fixtures__/plan-xlsx";
import { readPlanFile } from "./index";
import { XLSB_REFUSED, XLSX_BROKEN, XLSX_NO_SHEETS } from "./xlsx";

async function textOf(bytes: Uint8Array): Promise<string> {
  const read = await readPlanFile(bytes);
  if (!read.ok) throw new Error(read.error);
  expect(read.kind).toBe("xlsx");
  return read.text;
}

async function planOf(sheets: SheetSpec[]) {
  const plan = readWorkPlan(await textOf(await workbook(sheets)));
  return {
    title: plan.title,
    year: plan.year,
    tasks: plan.tasks.map((t) => ({ section: t.section, number: t.number, title: t.title, lead: t.leadUnits, units: t.units, deadline: t.deadline })),
  };
}

// Task 1 has two measures: its 序号, 重点任务, 完成时限 and 目标 are merged down over both rows. The 牵头单位
// 市发展改革委 is merged down over tasks 1 and 2 (four rows); 完成时限 is an Excel date in one task, text in others.
const PLAN: SheetSpec = {
  name: "任务分解表",
  rows: [
    [TITLE, null, null, null, null, null, null],
    HEADER,
    [1, "完善信用信息归集共享机制", "推动市直部门按月报送双公示信息。", "市发展改革委", "市市场监管局\n市税务局", day(2026, 6, 30), "双公示合规率达到100%"],
    [null, null, "建立数据质量通报制度。", null, "市数据局", null, null],
    [2, "提升信用修复效率", "信用修复申请3个工作日内办结。", null, "市中级人民法院", "2026年9月底前", null],
    [null, null, "开展信用修复培训。", null, "各县（市、区）人民政府", null, null],
    [3, "开展信用承诺专项治理", "梳理承诺事项清单。", "市市场监管局", "市司法局", "2026.10", null],
  ],
  merges: ["A1:G1", "A3:A4", "B3:B4", "F3:F4", "G3:G4", "D3:D6", "A5:A6", "B5:B6", "F5:F6"],
  formats: { F3: 'yyyy"年"m"月"d"日"' },
};

const PLAN_TASKS = [
  { section: "", number: "1", title: "完善信用信息归集共享机制", lead: ["市发展改革委"], units: ["市市场监管局", "市税务局", "市数据局"], deadline: "2026-06-30" },
  { section: "", number: "2", title: "提升信用修复效率", lead: ["市发展改革委"], units: ["市中级人民法院", "各县(市、区)人民政府"], deadline: "2026-09-30" },
  { section: "", number: "3", title: "开展信用承诺专项治理", lead: ["市市场监管局"], units: ["市司法局"], deadline: "2026-10-31" },
];

/** A one-task sheet whose 完成时限 cell holds `value` shown in `format`. */
const deadlineSheet = (value: Value, format?: string): SheetSpec => ({
  name: "Sheet1",
  rows: [["序号", "工作任务", "责任单位", "完成时限"], [1, "推行信用承诺。", "市发展改革委", value]],
  formats: format ? { D2: format } : {},
});

describe("an Excel 任务分解表 (.xlsx)", () => {
  it("reads the table row by row, merged cells spread over the rows they cover, the title row as the plan's title", async () => {
    expect(await planOf([PLAN])).toEqual({ title: TITLE, year: 2026, tasks: PLAN_TASKS });
  });

  it("writes each task as one line the way plans write tasks", async () => {
    const lines = (await textOf(await workbook([PLAN]))).split("\n");
    expect(lines[0]).toBe(TITLE);
    expect(lines[1]).toBe("1．完善信用信息归集共享机制（牵头单位：市发展改革委）。（1）推动市直部门按月报送双公示信息（责任单位：市市场监管局、市税务局），"
      + "完成时限：2026年6月30日前；（2）建立数据质量通报制度（责任单位：市数据局），完成时限：2026年6月30日前。目标：双公示合规率达到100%，完成时限：2026年6月30日前。");
    expect(lines).toHaveLength(4);
  });

  it.each([
    ["an Excel date shown as 年月日", day(2026, 6, 30), 'yyyy"年"m"月"d"日"', "2026-06-30"],
    ["an Excel date shown as 年月 (the month's end)", day(2026, 6, 15), 'yyyy"年"m"月"', "2026-06-30"],
    ["an Excel date in a built-in format", day(2026, 3, 31), "mm-dd-yy", "2026-03-31"],
    ["an Excel date shown as yyyy/m/d", day(2026, 11, 20), "yyyy/m/d", "2026-11-20"],
    ["a number typed as 2026.9", 2026.9, undefined, "2026-09-30"],
    ["text", "2026年10月底前", undefined, "2026-10-31"],
    ["text with a line break inside", "2026年\n12月底前", undefined, "2026-12-31"],
  ])("reads a 完成时限 cell holding %s", async (_, value, format, deadline) => {
    expect((await planOf([deadlineSheet(value, format)])).tasks.map((t) => t.deadline)).toEqual([deadline]);
  });

  it("finds the header below an 附件 label, the title, a 填报单位 line and blank rows", async () => {
    const sheet: SheetSpec = {
      name: "附件1",
      rows: [
        ["附件1"],
        [TITLE],
        [],
        ["填报单位：示范市发展改革委", null, null, null, null, "填报日期：2026年1月"],
        [],
        ...PLAN.rows.slice(1),
      ],
      merges: ["B2:G2", ...PLAN.merges!.slice(1).map((r) => r.replace(/\d+/g, (n) => String(Number(n) + 4)))],
      formats: { F7: 'yyyy"年"m"月"d"日"' },
    };
    expect(await planOf([sheet])).toEqual({ title: TITLE, year: 2026, tasks: PLAN_TASKS });
  });

  it.each([
    ["under an 附件 label", ["附件2"]],
    ["with only its title", []],
  ])("appends the visible sheets in tab order, the next one %s, and leaves out hidden ones (lists for drop-downs)", async (_, label) => {
    const units: SheetSpec = { name: "单位列表", state: "hidden", rows: [["单位"], ["市财政局"], ["市教育局"]] };
    const second: SheetSpec = {
      name: "指标任务",
      rows: [label, ["示范市2026年城市信用监测指标提升任务表"], ["序号", "工作任务", "牵头单位", "完成时限"], [1, "提升信用承诺履约率。", "市营商局", "2026年8月底前"]],
    };
    const text = await textOf(await workbook([PLAN, units, second]));
    expect(text).not.toContain("市教育局");
    const plan = readWorkPlan(text);
    expect(plan.title).toBe(TITLE);
    expect(plan.tasks.map((t) => ({ section: t.section, number: t.number, title: t.title, lead: t.leadUnits, units: t.units, deadline: t.deadline }))).toEqual([
      ...PLAN_TASKS, { section: "", number: "1", title: "提升信用承诺履约率", lead: ["市营商局"], units: [], deadline: "2026-08-31" },
    ]);
    // The next sheet's title is not read into the last task of the sheet before.
    expect(plan.tasks[2]!.text).not.toContain("指标提升");
  });

  it("reads cells as Excel shows them: rich text, a formula's result, a percentage, a 序号 column of numbers", async () => {
    const text = await textOf(await workbook([{
      name: "Sheet1",
      rows: [
        ["序号", "工作任务", "责任单位", "目标"],
        [{ formula: "ROW()-1", result: 1 }, { richText: [{ text: "推行" }, { text: "信用承诺", font: { bold: true } }, { text: "。" }] }, "市发展改革委", 0.95],
      ],
      formats: { D2: "0%" },
    }]));
    expect(text).toBe("1．推行信用承诺（责任单位：市发展改革委）。目标：95%。");
  });

  it("reads a package written by other software: inline strings, prefixed elements, phonetic guides, _x000D_", async () => {
    const xml = (s: string) => new TextEncoder().encode(s);
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const inline = (ref: string, text: string) => `<x:c r="${ref}" t="inlineStr"><x:is><x:t xml:space="preserve">${text}</x:t></x:is></x:c>`;
    const bytes = zipSync({
      "_rels/.rels": xml(`<Relationships>${rel("rId1", "officeDocument", "xl/workbook.xml")}</Relationships>`),
      "xl/workbook.xml": xml(`<x:workbook ${ns}><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`),
      "xl/_rels/workbook.xml.rels": xml(`<Relationships>${rel("rId1", "worksheet", "worksheets/sheet1.xml")}</Relationships>`),
      "xl/worksheets/sheet1.xml": xml(`<x:worksheet ${ns}><x:sheetData>
        <x:row r="1">${inline("A1", "序号")}${inline("B1", "工作任务")}${inline("C1", "牵头单位")}</x:row>
        <x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c>
          <x:c r="B2" t="inlineStr"><x:is><x:r><x:t>推行信用承诺</x:t></x:r><x:rPh sb="0" eb="2"><x:t>ToIKou</x:t></x:rPh></x:is></x:c>
          ${inline("C2", "市发展改革委_x000D_\n市税务局")}</x:row>
      </x:sheetData></x:worksheet>`),
    });
    expect(await textOf(bytes)).toBe("1．推行信用承诺（牵头单位：市发展改革委、市税务局）。");
  });
});

describe("Excel files that cannot be read say what to do", () => {
  const refusal = async (bytes: Uint8Array) => {
    const read = await readPlanFile(bytes);
    if (read.ok) throw new Error(`read: ${read.text}`);
    return read.error;
  };

  it.each([
    ["a cut-off file", async () => {
      const whole = await workbook([PLAN]);
      return whole.slice(0, Math.floor(whole.length * 0.6));
    }, XLSX_BROKEN],
    ["a package whose workbook part is not a workbook", async () => zipSync({ "xl/workbook.xml": new Uint8Array(1) }), XLSX_BROKEN],
    ["a workbook with only hidden sheets", async () => workbook([{ ...PLAN, state: "hidden" }]), XLSX_NO_SHEETS],
    ["a binary workbook (.xlsb)", async () => zipSync({
      "_rels/.rels": new TextEncoder().encode('<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>'),
      "xl/workbook.bin": new Uint8Array(8),
    }), XLSB_REFUSED],
  ])("%s", async (_, make, message) => {
    expect(await refusal(await make())).toBe(message);
  });
});
