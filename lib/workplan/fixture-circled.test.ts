import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";

const source = readFileSync(new URL("./__fixtures__/circled.txt", import.meta.url), "utf8");

describe("fixture: ① numbering under 1. headings, 万分之 targets, several unit brackets per task", () => {
  const plan = readWorkPlan(source);

  it("reads the plan's frame exactly", () => {
    expect([plan.year, plan.title, plan.notes]).toEqual([2025, "示范区2025年信用监测指标提升任务清单", []]);
    expect(plan.provisions).toEqual([
      { section: "三、工作要求", number: "①", title: "各责任单位每月5日前报送工作进展" },
      { section: "三、工作要求", number: "②", title: "区信用办每季度通报一次" },
    ]);
  });

  it("reads every task exactly", () => {
    const shown = plan.tasks.map(({ text: _text, originalText: _original, ...rest }) => rest);
    expect(shown).toEqual([
      {
        section: "1.代码质量", number: "①", title: "降低统一社会信用代码重错码率",
        leadUnits: [], units: ["区市场监管局", "区民政局", "区委编办"],
        targets: [
          { indicator: "uscc_error_rate", op: "<", value: 1, unit: "‱", text: "重错码率低于万分之一" },
          // The second clause has no subject of its own: it speaks of the first one's.
          { indicator: "uscc_error_rate", op: "<=", value: 0.5, unit: "‱", text: "力争降至万分之零点五以下" },
        ],
        deadline: "2025-12-31", deadlineKind: "default", deadlineText: null,
      },
      {
        section: "1.代码质量", number: "②", title: "加强严重失信主体名单管理",
        leadUnits: ["区发改委"], units: ["区法院", "区税务局"],
        targets: [
          { indicator: "blacklist_share", op: "<=", value: 0.7, unit: "%", text: "严重失信主体名单企业占比不高于0.7%" },
          { indicator: "blacklist_exit_rate", op: ">=", value: 30, unit: "%", text: "在名单企业信用修复退出率达到30%" },
        ],
        deadline: "2025-12-31", deadlineKind: "default", deadlineText: null,
      },
      {
        section: "2.双公示", number: "①", title: "提升双公示数据质量",
        leadUnits: [], units: ["各行政执法部门", "区发改委"],
        targets: [
          { indicator: "sgs_compliance_rate", op: ">=", value: 100, unit: "%", text: "双公示合规率达到100%" },
          { indicator: "sgs_report_rate", op: ">=", value: 98, unit: "%", text: "报送率不低于98%" },
        ],
        deadline: "2025-09-15", deadlineKind: "date", deadlineText: "9月15日前",
      },
      {
        section: "二、守信激励", number: "①", title: "提高A级纳税人占比",
        leadUnits: [], units: ["区税务局"],
        targets: [{ indicator: "tax_a_share", op: ">", value: 15, unit: "%", text: "A级纳税人企业占比超过15%" }],
        deadline: "2025-12-31", deadlineKind: "default", deadlineText: null,
      },
      {
        section: "二、守信激励", number: "②", title: "压降高频失信企业数量",
        leadUnits: [], units: ["区市场监管局", "区生态环境分局", "区交通运输局"],
        targets: [{ indicator: "frequent_penalty_count", op: "<=", value: 5, unit: "家", text: "高频失信企业数量不超过5家" }],
        deadline: "2025-11-30", deadlineKind: "date", deadlineText: "2025年11月底前",
      },
    ]);
  });

  it("keeps each task's text, brackets included, and its original lines", () => {
    expect(plan.tasks[2]!.text).toBe(
      "提升双公示数据质量。9月15日前,双公示合规率达到100%;报送率不低于98%。【责任单位:各行政执法部门】【责任单位:区发改委、各行政执法部门】",
    );
    expect(plan.tasks[2]!.originalText).toBe(source.split("\n").find((l) => l.startsWith("①提升双公示"))!);
  });
});
