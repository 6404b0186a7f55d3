import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";

const units = (text: string) => readWorkPlan(text).tasks.map((t) => [t.number, t.leadUnits, t.units]);

describe("reading units from a whole plan", () => {
  it("gives a 责任单位 line standing after the sub-measures (1)(2)(3) to the task they belong to", () => {
    const plan = readWorkPlan([
      "某区2024年社会信用体系建设工作要点",
      "一、重点任务",
      "1.完善信用制度。",
      "(1)修订信用信息管理办法。",
      "(2)建立失信行为台账。",
      "(3)开展信用修复培训。",
      "责任单位:区发改委、区司法局",
      "2.推进信用承诺。全面推行告知承诺制。〔责任单位:区市场监管局〕",
    ].join("\n"));
    expect(plan.tasks.map((t) => [t.number, t.title, t.units])).toEqual([
      ["1", "完善信用制度", ["区发改委", "区司法局"]],
      ["2", "推进信用承诺", ["区市场监管局"]],
    ]);
    expect(plan.tasks[0]!.text).toContain("(3)开展信用修复培训。");
    expect(plan.provisions).toEqual([]);
  });

  it("keeps sub-measures apart when each names its own units", () => {
    expect(units([
      "某区2024年社会信用体系建设工作要点",
      "1.完善信用制度。",
      "(1)修订信用信息管理办法。",
      "责任单位:区司法局",
      "(2)建立失信行为台账。",
      "责任单位:区发改委",
    ].join("\n"))).toEqual([["(1)", [], ["区司法局"]], ["(2)", [], ["区发改委"]]]);
  });

  it("adds a standing rule's units to every later task, not to earlier ones, and makes no provision a task", () => {
    const plan = readWorkPlan([
      "某县2024年社会信用体系建设工作要点",
      "一、重点任务",
      "1.加强政务诚信。确保零增长。〔责任单位:县法院〕",
      "各乡镇场、县直有关部门均为责任单位,不再列出。",
      "2.推进信用归集。〔责任单位:县发改局〕",
      "3.加强宣传。(人行县支行负责)",
      "二、保障措施",
      "(一)加强领导。各单位要高度重视。",
    ].join("\n"));
    expect(plan.notes).toEqual(["各乡镇场、县直有关部门均为责任单位,不再列出"]);
    expect(plan.tasks.map((t) => [t.number, t.units])).toEqual([
      ["1", ["县法院"]],
      ["2", ["县发改局", "各乡镇场", "县直有关部门"]],
      ["3", ["人行县支行", "各乡镇场", "县直有关部门"]],
    ]);
    expect(plan.provisions.map((p) => p.title)).toEqual(["加强领导"]);
  });

  it("reads 各县（市、区）均为责任单位 in a heading for every task under and after it, and titles the heading without it", () => {
    const plan = readWorkPlan([
      "某市2024年社会信用体系建设工作要点",
      "二、重点任务（各县（市、区）均为责任单位，不再列出）",
      "1.加强宣传。",
      "2.推进承诺。（市发改委负责）",
    ].join("\n"));
    expect(plan.tasks.map((t) => [t.section, t.number, t.units])).toEqual([
      ["二、重点任务", "1", ["各县(市、区)"]],
      ["二、重点任务", "2", ["市发改委", "各县(市、区)"]],
    ]);
  });

  it("reads 以下均需…落实,不再列出 before the body for all tasks", () => {
    expect(units([
      "某市2024年社会信用体系建设工作要点",
      "(以下均需各县区人民政府落实,不再列出)",
      "一、重点任务",
      "1.加强宣传。(市委宣传部负责)",
    ].join("\n"))).toEqual([["1", [], ["市委宣传部", "各县区人民政府"]]]);
  });

  it("reads 列第一位的为牵头单位 as a rule for the tasks after it", () => {
    expect(units([
      "某市2024年社会信用体系建设工作要点",
      "（各项任务中列第一位的为牵头单位）",
      "1.加强宣传。〔责任单位：市委宣传部、市文明办〕",
      "2.推进承诺。〔牵头单位：市发改委；责任单位：市财政局〕",
    ].join("\n"))).toEqual([["1", ["市委宣传部"], ["市文明办"]], ["2", ["市发改委"], ["市财政局"]]]);
  });
});

describe("the plan year and every task's deadline", () => {
  it("takes the year from the title, gives each task a deadline and assumes a year only when told", () => {
    const text = "某区社会信用体系建设工作要点\n1.完善制度。出台办法。〔责任单位:区发改委〕\n2.加强宣传。每月开展一次。〔责任单位:区委宣传部〕";
    const unknown = readWorkPlan(text);
    expect([unknown.year, unknown.yearSource, unknown.tasks.map((t) => [t.deadline, t.deadlineKind])]).toEqual([null, null, [[null, "default"], [null, "recurring"]]]);
    const assumed = readWorkPlan(text, { fallbackYear: 2026 });
    expect([assumed.year, assumed.yearSource, assumed.tasks.map((t) => [t.deadline, t.deadlineKind])])
      .toEqual([2026, "fallback", [["2026-12-31", "default"], ["2026-12-31", "recurring"]]]);
    expect(readWorkPlan(text.replace("某区", "某区2024年"), { fallbackYear: 2026 }).yearSource).toBe("title");
  });
});
