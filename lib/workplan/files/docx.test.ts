import { DeletedTextRun, InsertedTextRun, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "../read";
import { PLAN_TABLE, SAMPLE_TASKS, planDocx, samplePlan, taskTable } from "./__fixtures__/plan-docx";
import { readDocx } from "./docx";
import { readPlanFile } from "./index";
import { formatNumber } from "./numbering";

async function textOf(bytes: Uint8Array): Promise<string> {
  const read = await readPlanFile(bytes);
  if (!read.ok) throw new Error(read.error);
  expect(read.kind).toBe("docx");
  return read.text;
}

function summary(text: string) {
  const plan = readWorkPlan(text);
  return {
    year: plan.year,
    title: plan.title,
    tasks: plan.tasks.map((t) => ({ section: t.section, number: t.number, title: t.title, leadUnits: t.leadUnits, units: t.units, deadline: t.deadline, deadlineKind: t.deadlineKind })),
  };
}

describe("a .docx plan made in Word", () => {
  it("reads sections numbered by 自动编号, the 任务分解表 row by row with its merged cells, and a typed task", async () => {
    expect(summary(await textOf(await samplePlan()))).toEqual({ year: 2026, title: "示范市2026年社会信用体系建设工作要点", tasks: SAMPLE_TASKS });
  });

  it("writes paragraphs as lines and each task of the table as one line the way plans write tasks", async () => {
    const lines = (await textOf(await samplePlan())).split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "示范市2026年社会信用体系建设工作要点",
      "为深入推进社会信用体系建设，结合我市实际，制定本要点。",
      "一、总体要求",
      "坚持问题导向，补齐短板，全面提升城市信用监测排名。",
      "二、重点任务",
      "具体任务见下表：",
      "（一）信用信息归集",
    ]);
    expect(lines).toContain("2．提升信用修复效率（牵头单位：市发展改革委；责任单位：各县（市、区）人民政府、市中级人民法院）。信用修复申请3个工作日内办结，完成时限：2026年9月底前。");
    expect(lines).toContain("（一）加强组织领导。各单位要明确分管领导和联络员。（市发展改革委负责）");
    expect(lines.at(-1)).toBe("2026年2月10日");
  });

  it("keeps the grid of a table: merged cells repeat their value, marked as continued or spanned", async () => {
    const blocks = readDocx(await planDocx([taskTable(PLAN_TABLE.slice(0, 2))]));
    const table = blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.rows.map((r) => r.length)).toEqual([6, 6, 6, 6]);
    expect(table.rows[1]!.every((c) => c.spanned || c === table.rows[1]![0])).toBe(true);
    expect(table.rows[3]!.map((c) => [c.text.slice(0, 6), c.continued ?? false])).toEqual([
      ["1", true], ["完善信用信息", true], ["建立数据质量", false], ["市发展改革委", true], ["市数据局", false], ["2026年6", true],
    ]);
  });

  it("leaves out deleted (tracked) and hidden text, keeps inserted text", async () => {
    const text = await textOf(await planDocx([
      new Paragraph({
        children: [
          new TextRun("1．按月报送信息。（责任单位："),
          new DeletedTextRun({ text: "市财政局、", id: 1, author: "审核", date: "2026-01-01T00:00:00Z" }),
          new InsertedTextRun({ text: "市数据局", id: 2, author: "审核", date: "2026-01-01T00:00:00Z" }),
          new TextRun({ text: "（内部备注）", vanish: true }),
          new TextRun("）"),
        ],
      }),
    ]));
    expect(text).toBe("1．按月报送信息。（责任单位：市数据局）");
  });

  it("flattens a table inside a cell into the cell", async () => {
    const inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("市税务局")] })] })] });
    const outer = new Table({
      rows: [
        new TableRow({ children: ["序号", "工作任务", "责任单位"].map((h) => new TableCell({ children: [new Paragraph(h)] })) }),
        new TableRow({ children: [
          new TableCell({ children: [new Paragraph("1")] }),
          new TableCell({ children: [new Paragraph("推行信用承诺。")] }),
          new TableCell({ children: [new Paragraph("市发展改革委"), inner] }),
        ] }),
      ],
    });
    expect(summary(`2026年工作要点\n${await textOf(await planDocx([outer]))}`).tasks.map((t) => t.units)).toEqual([["市发展改革委", "市税务局"]]);
  });
});

describe("formatNumber (Word's number formats)", () => {
  it.each([
    [1, "chineseCounting", "一"], [10, "chineseCounting", "十"], [11, "chineseCounting", "十一"], [20, "chineseCounting", "二十"],
    [23, "chineseCountingThousand", "二十三"], [105, "chineseCountingThousand", "一百零五"], [3, "chineseLegalSimplified", "叁"],
    [1, "ideographTraditional", "甲"], [3, "decimalEnclosedCircleChinese", "③"], [21, "decimalEnclosedCircle", "21"],
    [4, "upperRoman", "IV"], [27, "lowerLetter", "aa"], [7, "decimal", "7"], [7, "decimalZero", "07"], [2, "decimalEnclosedParen", "(2)"],
  ] as const)("%i as %s → %s", (n, format, label) => {
    expect(formatNumber(n, format)).toBe(label);
  });
});
