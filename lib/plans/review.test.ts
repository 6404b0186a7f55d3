import { describe, expect, it } from "vitest";
import { DEMO_DEPARTMENTS } from "@/lib/demo/city";
import { readWorkPlan } from "@/lib/workplan";
import { reviewPlan, searchDepartments } from "./review";

const departments = DEMO_DEPARTMENTS.map((d, i) => ({ id: i + 1, name: d.shortName, fullName: d.name }));
const refs = DEMO_DEPARTMENTS.map((d, i) => ({ id: i + 1, name: d.name, shortName: d.shortName }));

describe("searchDepartments (the review screen's unit picker)", () => {
  it("finds a department by part of its name, by its name without 市/区, or by its family", () => {
    const names = (q: string) => searchDepartments(q, departments).map((d) => d.fullName);
    expect(names("市场监管")).toContain("市市场监督管理局");
    expect(names("区市场监管局")).toContain("市市场监督管理局");
    expect(names("税务")[0]).toBe("国家税务总局示范市税务局");
    expect(names("人民银行")[0]).toBe("中国人民银行示范市分行");
    expect(names("人行")[0]).toBe("中国人民银行示范市分行");
    expect(names("没有这个部门")).toEqual([]);
    expect(searchDepartments("局", departments, 3)).toHaveLength(3);
  });
});

describe("reviewPlan", () => {
  it("keeps every unit as written for a person to settle, prefix or not, and tells which tasks name it", () => {
    const plan = readWorkPlan([
      "某县2024年社会信用体系建设工作要点",
      "以下均需各乡镇场落实,不再列出。",
      "1.推进信易贷。每季度通报一次。(人行县支行负责)",
      "2.完善制度。〔责任单位:县直有关部门、县市场监管局〕",
    ].join("\n"));
    const review = reviewPlan(plan, "…", refs, new Map());
    const byName = new Map(review.units.map((u) => [u.writtenAs, u]));
    expect([...byName.keys()].sort()).toEqual(["人行县支行", "县市场监管局", "县直有关部门", "各乡镇场"].sort());
    expect(byName.get("各乡镇场")).toMatchObject({ status: "several", taskNumbers: ["1", "2"] });
    expect(byName.get("县市场监管局")?.status).toBe("matched");
    expect(plan.tasks.map((t) => [t.deadline, t.deadlineKind])).toEqual([["2024-12-31", "recurring"], ["2024-12-31", "default"]]);
  });
});
