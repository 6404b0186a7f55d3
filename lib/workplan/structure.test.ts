import { describe, expect, it } from "vitest";
import { tableLines } from "./files/table";
import { readWorkPlan } from "./read";

const BODY = [
  "示范市2026年社会信用体系建设工作要点",
  "一、重点任务",
  "1．推进信用信息归集。双公示数据上报率达到100%。（责任单位：市发展改革委）",
  "二、保障措施",
  "（一）加强组织领导。各单位要明确联络员。（市发展改革委负责）",
];

// The attachment: its title and a 任务分解表 read into lines (as a .docx or .xlsx gives them).
const TABLE = tableLines([
  ["序号", "重点任务", "牵头单位", "完成时限"],
  ["1", "开展信用承诺专项治理", "市市场监管局", "2026年6月底前"],
  ["2", "扩大信易贷规模", "市金融局", "2026年9月底前"],
].map((row) => row.map((text) => ({ text }))));
const ATTACHED = ["示范市2026年社会信用体系建设重点任务分解表", ...TABLE];

function read(lines: string[]) {
  const plan = readWorkPlan(lines.join("\n"));
  return {
    title: plan.title,
    tasks: plan.tasks.map((t) => [t.section, t.number, t.title, [...t.leadUnits, ...t.units].join("、"), t.text.includes("分解表")]),
    provisions: plan.provisions.map((p) => p.title),
  };
}

const BODY_TASKS = [
  ["一、重点任务", "1", "推进信用信息归集", "市发展改革委", false],
  ["二、保障措施", "(一)", "加强组织领导", "市发展改革委", false],
];
const TABLE_TASKS = [
  ["", "1", "开展信用承诺专项治理", "市市场监管局", false],
  ["", "2", "扩大信易贷规模", "市金融局", false],
];

describe("an 附件 line ends the body", () => {
  it.each([
    ["附件1 alone, right after the last task", [...BODY, "附件1", ...ATTACHED]],
    ["附件 alone", [...BODY, "附件", ...ATTACHED]],
    ["附件1：with the title on its line", [...BODY, "附件1：示范市2026年社会信用体系建设重点任务分解表", ...TABLE]],
    ["the list of attachments, signature and date, then the attachment", [
      ...BODY, "附件：1．示范市2026年社会信用体系建设重点任务分解表", "2．示范市信用承诺事项清单",
      "示范市社会信用体系建设领导小组办公室", "2026年2月10日", "附件1", ...ATTACHED,
    ]],
    ["附件： with the names numbered under it", [...BODY, "附件：", "1．示范市2026年重点任务分解表", "2．示范市信用承诺事项清单", "附件1", ...ATTACHED]],
    ["full-width 附表 label", [...BODY, "附表１", ...ATTACHED]],
  ])("%s: the attachment's title is not read into the last task, its table is read as tasks", (_, lines) => {
    expect(read(lines)).toEqual({ title: "示范市2026年社会信用体系建设工作要点", tasks: [...BODY_TASKS, ...TABLE_TASKS], provisions: [] });
  });

  it("keeps a task table sent on its own under an 附件 label, titled by its own title", () => {
    expect(read(["附件1", ...ATTACHED])).toEqual({ title: "示范市2026年社会信用体系建设重点任务分解表", tasks: TABLE_TASKS, provisions: [] });
  });

  it.each([
    ["附件 inside a sentence", "附件材料于每月5日前报送。"],
    ["an 附件 word mid-line", "各单位按附件格式报送。"],
  ])("does not end the body at %s", (_, line) => {
    const plan = readWorkPlan([...BODY.slice(0, 3), line, "2．开展信用修复培训。（责任单位：市人力资源社会保障局）"].join("\n"));
    expect(plan.tasks.map((t) => [t.section, t.number])).toEqual([["一、重点任务", "1"], ["一、重点任务", "2"]]);
    expect(plan.tasks[0]!.text).toContain(line.replace(/。$/, ""));
  });

  it("does not give a table after 附件 the body's last section, nor its last task the 附件 line", () => {
    const plan = readWorkPlan([...BODY, "附件1", ...ATTACHED].join("\n"));
    expect(plan.tasks.find((t) => t.title === "扩大信易贷规模")?.section).toBe("");
    expect(plan.tasks.find((t) => t.title === "加强组织领导")?.text).not.toContain("附件");
  });
});

describe("a title line before a list that starts again at 1 heads that list", () => {
  const task = (n: number, title: string) => `${n}．${title}。（责任单位：市发展改革委）`;
  const rows = (plan: ReturnType<typeof readWorkPlan>) => plan.tasks.map((t) => [t.section, t.number, t.title, t.text.includes("清单") || t.text.includes("表")]);

  it.each([
    ["the next table (or sheet) under its own title", ["示范市2026年重点任务分解表", task(1, "推行信用承诺"), task(2, "开展分级分类监管"), "示范市2026年信用监测指标提升任务表", task(1, "提升履约率")],
      [["", "1", "推行信用承诺", false], ["", "2", "开展分级分类监管", false], ["", "1", "提升履约率", false]]],
    ["an unnumbered subheading inside a section", ["2026年工作要点", "（一）信用监管", task(1, "推行信用承诺"), task(2, "开展分级分类监管"), "信用承诺事项清单", task(1, "梳理承诺事项")],
      [["(一)信用监管", "1", "推行信用承诺", false], ["(一)信用监管", "2", "开展分级分类监管", false], ["(一)信用监管", "1", "梳理承诺事项", false]]],
    ["a table's caption inside a section, before its first task", ["2026年工作要点", "二、重点任务", "示范市2026年重点任务分解表", task(1, "推行信用承诺"), task(2, "开展分级分类监管")],
      [["二、重点任务", "1", "推行信用承诺", false], ["二、重点任务", "2", "开展分级分类监管", false]]],
  ])("%s", (_, lines, expected) => {
    expect(rows(readWorkPlan(lines.join("\n")))).toEqual(expected);
  });

  it("keeps the first table's title as the plan's title, not the next one's", () => {
    expect(readWorkPlan(["示范市2026年重点任务分解表", task(1, "推行信用承诺"), "示范市2026年信用监测指标提升任务表", task(1, "提升履约率")].join("\n")).title).toBe("示范市2026年重点任务分解表");
  });
});
