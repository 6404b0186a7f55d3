import { describe, expect, it } from "vitest";
import { readWorkPlan } from "../read";
import type { TableCell } from "./blocks";
import { columnOf, deadlinePhrase, tableLines } from "./table";

/** A grid from rows of strings: "^" continues the cell above (merged down), "<" the cell to the left. */
function grid(rows: string[][], wrapped = false): TableCell[][] {
  const out: TableCell[][] = [];
  for (const row of rows) {
    const cells: TableCell[] = [];
    row.forEach((text, i) => {
      if (text === "^") cells.push({ text: out.at(-1)![i]!.text, continued: true, ...(wrapped ? { wrapped } : {}) });
      else if (text === "<") cells.push({ text: cells.at(-1)!.text, spanned: true, ...(wrapped ? { wrapped } : {}) });
      else cells.push({ text, ...(wrapped ? { wrapped } : {}) });
    });
    out.push(cells);
  }
  return out;
}

function tasks(rows: string[][], wrapped = false) {
  const plan = readWorkPlan(["2026年工作要点", ...tableLines(grid(rows, wrapped))].join("\n"));
  return plan.tasks.map((t) => ({ section: t.section, number: t.number, title: t.title, lead: t.leadUnits, units: t.units, deadline: t.deadline }));
}

describe("columnOf", () => {
  it.each([
    ["序号", "number"], ["序 号", "number"], ["编号", "number"],
    ["重点任务", "task"], ["工作任务", "task"], ["主要任务", "task"], ["任务名称", "task"], ["重点工作", "task"],
    ["具体措施", "measure"], ["工作措施", "measure"], ["具体工作内容", "measure"], ["任务分解", "measure"],
    ["牵头单位", "lead"], ["牵头部门", "lead"], ["主责单位", "lead"],
    ["责任单位", "units"], ["责任部门", "units"], ["配合单位", "units"], ["实施主体", "units"], ["牵头/责任单位", "units"],
    ["完成时限", "deadline"], ["完成时间", "deadline"], ["时间节点", "deadline"], ["时限要求", "deadline"],
    ["目标", "target"], ["预期目标", "target"], ["工作目标", "target"], ["量化指标", "target"],
    ["类别", "category"], ["重点领域", "category"], ["备注", "note"],
    ["責任單位", "units"], ["牽頭單位", "lead"], ["完成時限", "deadline"],
    ["责任人", null], ["联系电话", null], ["", null], ["推动市直部门按月报送双公示信息", null],
  ] as const)("%s → %s", (header, role) => {
    expect(columnOf(header).role).toBe(role);
  });

  it("labels unit columns as plans write them and knows when the first unit named leads", () => {
    expect(columnOf("配合单位")).toMatchObject({ label: "配合单位", firstLeads: false });
    expect(columnOf("牵头单位及责任单位")).toMatchObject({ role: "units", firstLeads: true });
    expect(columnOf("责任单位（排第一位的为牵头单位）")).toMatchObject({ role: "units", firstLeads: true });
  });
});

describe("deadlinePhrase", () => {
  it.each([
    ["2026年6月底前", "2026年6月底前"], ["2026.6", "2026年6月底前"], ["2026-06", "2026年6月底前"], ["2026年6月", "2026年6月底前"],
    ["2026.06.30", "2026年6月30日前"], ["2026/6/30", "2026年6月30日前"], ["2026年6月30日", "2026年6月30日前"],
    ["２０２６．９", "2026年9月底前"], ["6月", "6月底前"], ["2026年", "2026年底前"], ["2026年底", "2026年底前"],
    ["长期坚持", "长期坚持"], ["每季度", "每季度"], ["2026年10月底前完成", "2026年10月底前完成"],
  ])("%s → %s", (cell, phrase) => {
    expect(deadlinePhrase(cell)).toBe(phrase);
  });
});

const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"];

describe("tableLines", () => {
  it("reads a task merged down over its measures as one task with the units of every row", () => {
    const rows = [
      HEADER,
      ["1", "完善归集机制", "按月报送双公示信息。", "市发展改革委", "市市场监管局", "2026年6月底前"],
      ["^", "^", "每季度通报数据质量。", "^", "市数据局", "^"],
      ["2", "开展专项治理", "开展信用修复培训。", "市市场监管局", "各县（市、区）人民政府", "2026.10"],
    ];
    expect(tableLines(grid(rows))).toEqual([
      "1．完善归集机制（牵头单位：市发展改革委）。（1）按月报送双公示信息（责任单位：市市场监管局），完成时限：2026年6月底前；（2）每季度通报数据质量（责任单位：市数据局），完成时限：2026年6月底前。",
      "2．开展专项治理（牵头单位：市市场监管局；责任单位：各县（市、区）人民政府）。开展信用修复培训，完成时限：2026年10月底前。",
    ]);
    expect(tasks(rows)).toEqual([
      { section: "", number: "1", title: "完善归集机制", lead: ["市发展改革委"], units: ["市市场监管局", "市数据局"], deadline: "2026-06-30" },
      { section: "", number: "2", title: "开展专项治理", lead: ["市市场监管局"], units: ["各县(市、区)人民政府"], deadline: "2026-10-31" },
    ]);
  });

  it("keeps a deadline that differs from row to row with its measure; the task is due at the first", () => {
    const rows = [
      HEADER,
      ["1", "开展承诺治理", "梳理清单。", "市市场监管局", "市司法局", "2026年3月底前"],
      ["^", "^", "回访履约。", "^", "^", "2026年9月底前"],
    ];
    expect(tableLines(grid(rows))).toEqual([
      "1．开展承诺治理（牵头单位：市市场监管局；责任单位：市司法局）。（1）梳理清单，完成时限：2026年3月底前；（2）回访履约，完成时限：2026年9月底前。",
    ]);
    expect(tasks(rows)[0]!.deadline).toBe("2026-03-31");
  });

  it("reads rows across the table and a 类别 column as headings, and numbers headings that have none", () => {
    const rows = [
      ["类别", "序号", "工作任务", "责任单位", "完成时限"],
      ["信用监管", "1", "推行信用承诺。", "市发展改革委", "2026年6月底前"],
      ["^", "2", "开展分级分类监管。", "市市场监管局", "2026年9月底前"],
      ["一、信用惠民", "<", "<", "<", "<"],
      ["信易贷", "3", "扩大信易贷规模。", "市金融局", "2026年底"],
    ];
    expect(tasks(rows).map((t) => [t.section, t.number, t.units])).toEqual([
      ["(一)信用监管", "1", ["市发展改革委"]],
      ["(一)信用监管", "2", ["市市场监管局"]],
      ["(二)信易贷", "3", ["市金融局"]],
    ]);
    expect(tableLines(grid(rows))).toContain("一、信用惠民");
  });

  it("reads the first unit of a 牵头/责任单位 column as the lead, and a unit cell that names its own labels", () => {
    expect(tasks([
      ["序号", "工作任务", "牵头/责任单位", "完成时限"],
      ["1", "推行信用承诺。", "市发展改革委\n市市场监管局", "2026年6月底前"],
      ["2", "开展分级分类监管。", "市市场监管局（牵头）、市税务局", "2026年6月底前"],
      ["3", "扩大信易贷规模。", "牵头单位：市金融局\n责任单位：市财政局", "2026年6月底前"],
    ]).map((t) => [t.lead, t.units])).toEqual([
      [["市发展改革委"], ["市市场监管局"]],
      [["市市场监管局"], ["市税务局"]],
      [["市金融局"], ["市财政局"]],
    ]);
  });

  it("reads a two-row header: 责任单位 over 牵头单位 and 配合单位", () => {
    expect(tasks([
      ["序号", "工作任务", "责任单位", "<", "完成时限"],
      ["^", "^", "牵头单位", "配合单位", "^"],
      ["1", "推行信用承诺。", "市发展改革委", "市市场监管局、市税务局", "2026年6月底前"],
    ])).toEqual([{ section: "", number: "1", title: "推行信用承诺", lead: ["市发展改革委"], units: ["市市场监管局", "市税务局"], deadline: "2026-06-30" }]);
  });

  it("joins a PDF's printed lines inside a cell, and splits units a line each", () => {
    expect(tasks([
      HEADER,
      ["1", "完善信用信息\n归集共享机制", "推动市直部门\n按月报送信息。", "市发展改革\n委", "市市场监管\n局、市税务局\n市数据局", "2026年6月底\n前"],
    ], true)).toEqual([
      { section: "", number: "1", title: "完善信用信息归集共享机制", lead: ["市发展改革委"], units: ["市市场监管局", "市税务局", "市数据局"], deadline: "2026-06-30" },
    ]);
  });

  it("numbers tasks itself when the 序号 column is Word's automatic numbering or missing, and puts notes first", () => {
    const lines = tableLines(grid([
      ["工作任务", "具体措施", "责任单位"],
      ["推行信用承诺", "梳理清单。", "市发展改革委"],
      ["开展分级分类监管", "制定办法。", "市市场监管局"],
      ["注：列第一位的为牵头单位。", "<", "<"],
    ]));
    expect(lines[0]).toBe("注：列第一位的为牵头单位。");
    expect(lines.slice(1).map((l) => l.slice(0, 2))).toEqual(["1．", "2．"]);
  });

  it("gives any other table's cells as lines", () => {
    expect(tableLines(grid([["指标", "2025年", "2026年目标"], ["双公示合规率", "98%", "100%"]]))).toEqual(["指标", "2025年", "2026年目标", "双公示合规率", "98%", "100%"]);
  });
});
