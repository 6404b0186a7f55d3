import { describe, expect, it } from "vitest";
import { buildCircular } from "./content";
import { DEFAULT_CIRCULAR_SETTINGS, type CircularFacts } from "./facts";
import { districtParagraph, overallParagraph, requirements, taskParagraph, warningParagraph } from "./sentences";

function facts(overrides: Partial<CircularFacts> = {}): CircularFacts {
  return {
    month: "2026-10", cityName: "示范市",
    composite: { score: 86.5, previous: 85.98 },
    nationalRank: { rank: 9, previous: 12, total: 261 },
    indicators: [
      { name: "双公示及时率", valueText: "97.8%", targetText: "≥100.0%", met: false },
      { name: "信易贷平台入驻企业占比", valueText: "32.9%", targetText: "≥30.0%", met: true },
    ],
    districts: [
      { name: "城关区", score: 94.3, rank: 1, rankChange: 2, weakest: [] },
      { name: "东湖区", score: 90, rank: 2, rankChange: 0, weakest: [] },
      { name: "西山区", score: 71.8, rank: 3, rankChange: -2, weakest: [{ indicator: "A级纳税人占比", valueText: "9.9%" }, { indicator: "双公示上报率", valueText: "94.0%" }] },
    ],
    warnings: [
      { kind: "red", unitName: "西山区", indicator: "双公示上报率", valueText: "94.0%", targetText: "≥100.0%", owners: ["市市场监管局", "市审批局"] },
      { kind: "yellow", unitName: "东湖区", indicator: "A级纳税人占比", valueText: "13.3%", targetText: "≥15.0%", owners: ["市税务局"] },
    ],
    tasks: [{ number: "7", title: "提升双公示质量", status: "overdue", owners: ["市市场监管局"], deadline: "2026-09-30" }],
    ...overrides,
  };
}

describe("the circular's generated sentences", () => {
  it("says the score rose and the national rank rose (a smaller number is better)", () => {
    expect(overallParagraph(facts())).toBe(
      "2026年10月，全市社会信用体系建设监测综合得分86.5分，较上月上升0.52分；在全国261个城市信用状况监测中排名第9位，较上月上升3位；2项监测指标中1项达到目标值，1项未达标（双公示及时率）。");
  });

  it("says falling and unchanged months plainly", () => {
    const falling = overallParagraph(facts({ composite: { score: 80, previous: 82.5 }, nationalRank: { rank: 15, previous: 12, total: 261 } }));
    expect(falling).toContain("较上月下降2.5分");
    expect(falling).toContain("较上月下降3位");
    const flat = overallParagraph(facts({ composite: { score: 80, previous: 80 }, nationalRank: { rank: 12, previous: 12, total: 261 } }));
    expect(flat).toContain("80分，与上月持平");
    expect(flat).toContain("排名第12位，与上月持平");
    expect(overallParagraph(facts({ composite: { score: 80, previous: null } }))).toContain("综合得分80分；");
  });

  it("names the best and worst district and why, movers, and ties", () => {
    expect(districtParagraph(facts())).toBe(
      "综合得分最高的是城关区（94.3分）；最低的是西山区（71.8分），主要失分在A级纳税人占比（9.9%）、双公示上报率（94.0%）；名次上升最多的是城关区（上升2位）；下降最多的是西山区（下降2位）。");
    const tied = facts({ districts: [
      { name: "甲区", score: 90, rank: 1, rankChange: 0, weakest: [] },
      { name: "乙区", score: 90, rank: 1, rankChange: 0, weakest: [] },
      { name: "丙区", score: 80, rank: 3, rankChange: 0, weakest: [] },
    ] });
    expect(districtParagraph(tied)).toBe("甲区、乙区并列第一（90分）；最低的是丙区（80分）；各区县名次与上月相同。");
  });

  it("handles a month without warnings or late tasks", () => {
    const calm = facts({ warnings: [], tasks: [] });
    expect(warningParagraph(calm)).toBe("本月无红色和黄色预警，各项指标均达到目标值。");
    expect(taskParagraph(calm)).toContain("均按计划推进");
    expect(requirements(calm, "2026年12月10日")[0]).toBe("各单位继续保持，巩固各项指标成果，确保不出现预警。");
  });

  it("turns red warnings and late tasks into next month's requirements", () => {
    const lines = requirements(facts(), "2026年12月10日");
    expect(lines[0]).toBe("双公示上报率：请市市场监管局、市审批局督促西山区对照系统中的问题明细逐条整改，于2026年12月10日前报送整改反馈，确保达到≥100.0%的目标。");
    expect(lines[1]).toContain("工作要点第7项“提升双公示质量”已逾期");
  });

  it("assembles the document with title, sections in order and the issuer", () => {
    const doc = buildCircular(facts(), { settings: DEFAULT_CIRCULAR_SETTINGS, documentNumber: "信用办〔2026〕10号", issuedOn: "2026-11-05", draft: false });
    expect(doc.title).toBe("关于2026年10月全市社会信用体系建设监测情况的通报");
    expect(doc.blocks.filter((b) => b.kind === "heading1").map((b) => b.kind === "heading1" && b.text)).toEqual([
      "一、总体情况", "二、各区县排名情况", "三、预警情况", "四、工作要点任务推进情况", "五、下月工作要求"]);
    expect(doc.issuer).toBe("示范市社会信用体系建设领导小组办公室");
    expect(doc.issuedOn).toBe("2026年11月5日");
    expect(doc.blocks).toContainEqual({ kind: "paragraph", text: "1．西山区双公示上报率为94.0%（目标≥100.0%），责任单位：市市场监管局、市审批局。" });
  });
});
