import { describe, expect, it } from "vitest";
import { buildCircular } from "./content";
import type { CircularDocument } from "./document";
import { DEFAULT_CIRCULAR_SETTINGS, type CircularFacts, type CircularWarning } from "./facts";
import { praiseParagraph, sgsParagraphs, supervisionParagraph } from "./problem-sentences";
import { districtParagraph, overallParagraph } from "./sentences";

const NO_SGS = { byDistrict: { license: [], penalty: [] }, byDepartment: { license: [], penalty: [] } };
const NO_SUPERVISION = { openedThisMonth: 0, open: 0, closed: 0, overdue: [], verdicts: { effective: 0, partial: 0, none: 0 } };
const warning = (kind: "red" | "yellow", unitName: string, indicator: string, valueText: string, level: CircularWarning["level"] = "district", owners = ["市市场监管局"]): CircularWarning =>
  ({ kind, unitName, level, indicator, valueText, targetText: "≥100.0%", owners });

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
      warning("red", "西山区", "双公示上报率", "94.0%", "district", ["市市场监管局", "市审批局"]),
      warning("yellow", "东湖区", "A级纳税人占比", "13.3%", "district", ["市税务局"]),
    ],
    previousWarnings: [],
    tasks: [{ number: "7", title: "提升双公示质量", status: "overdue", owners: ["市市场监管局"], deadline: "2026-09-30" }],
    trend: [],
    sgs: NO_SGS,
    supervision: NO_SUPERVISION,
    ...overrides,
  };
}

const build = (f: CircularFacts) => buildCircular(f, { settings: DEFAULT_CIRCULAR_SETTINGS, documentNumber: "信用办〔2026〕10号", issuedOn: "2026-11-05", draft: false });
const headings = (doc: CircularDocument) => doc.blocks.flatMap((b) => (b.kind === "heading1" ? [b.text] : []));
const paragraphs = (doc: CircularDocument) => doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));

// Hand-made months, each with what its circular must say (and must not).
const MONTHS: { name: string; facts: CircularFacts; says: string[]; never: string[]; sections: string[]; attachments: string[] }[] = [
  {
    name: "a month with no problems",
    facts: facts({ warnings: [], tasks: [], indicators: [{ name: "双公示及时率", valueText: "100.0%", targetText: "≥100.0%", met: true }] }),
    says: ["1项监测指标全部达到目标值", "本月各项指标均达到目标值，未出现红色、黄色预警。", "无逾期或预计无法按期达标的任务", "各单位继续保持"],
    never: ["需重点关注整改", "红色预警"],
    sections: ["一、总体情况", "二、各区县排名情况", "三、存在的主要问题", "四、进步情况", "五、督办整改情况", "六、工作要点任务推进情况", "七、下月工作要求"],
    attachments: ["各区县综合得分排名"],
  },
  {
    name: "a month where everything is red",
    facts: facts({
      warnings: ["双公示上报率", "双公示合规率", "双公示及时率", "A级纳税人占比"].flatMap((indicator, k) => [
        warning("red", "示范市", indicator, `${90 - k}.0%`, "city"),
        ...["城关区", "东湖区", "西山区"].map((unit, u) => warning("red", unit, indicator, `${80 + u + k}.0%`)),
        warning("red", "东大街街道", indicator, "50.0%", "town"),
      ]),
      districts: facts().districts.map((d) => ({ ...d, rankChange: 0 })),
    }),
    says: ["本月共有红色预警20项、黄色预警0项", "4项指标有区县低于红线", "（一）双公示上报率。全市为90.0%", "城关区（80.0%）、东湖区（81.0%）、西山区（82.0%）低于红线，需重点关注整改", "镇街层面有1个未达标"],
    never: ["进步情况", "予以通报表扬"],
    sections: ["一、总体情况", "二、各区县排名情况", "三、存在的主要问题", "四、督办整改情况", "五、工作要点任务推进情况", "六、下月工作要求"],
    attachments: ["各区县综合得分排名", "红色、黄色预警明细"],
  },
  {
    name: "a month with ties at the top",
    facts: facts({ districts: [
      { name: "甲区", score: 90, rank: 1, rankChange: 1, weakest: [] },
      { name: "乙区", score: 90, rank: 1, rankChange: 0, weakest: [] },
      { name: "丙区", score: 80, rank: 3, rankChange: -1, weakest: [] },
    ] }),
    says: ["甲区、乙区并列第一（90分）", "甲区（上升1位）名次较上月上升，予以通报表扬"],
    never: [],
    sections: ["一、总体情况", "二、各区县排名情况", "三、存在的主要问题", "四、进步情况", "五、督办整改情况", "六、工作要点任务推进情况", "七、下月工作要求"],
    attachments: ["各区县综合得分排名", "红色、黄色预警明细"],
  },
];

describe("the circular's body, month by month", () => {
  it.each(MONTHS)("$name", ({ facts: f, says, never, sections, attachments }) => {
    const doc = build(f);
    const text = paragraphs(doc).join("\n");
    expect(headings(doc)).toEqual(sections);
    for (const s of says) expect(text).toContain(s);
    for (const s of never) expect(`${text}${headings(doc).join("")}`).not.toContain(s);
    expect(doc.attachments.map((a) => a.title)).toEqual(attachments);
    // No ‱ anywhere: the fonts a circular names do not have it.
    expect(JSON.stringify(doc)).not.toContain("‱");
  });

  it("words consecutive problem paragraphs and requirements apart", () => {
    const doc = build(MONTHS[1]!.facts);
    const all = paragraphs(doc);
    const problems = all.filter((p) => /^（[一二三四]）[^。]+。/.test(p) && p.includes("需重点关注整改")).map((p) => p.replace(/^（.）[^。]+。/, ""));
    const requirements = all.filter((p) => /^（[一二三四五]）/.test(p) && p.includes("2026年12月10日") && !p.includes("任务"));
    expect(problems.length).toBe(4);
    expect(requirements.length).toBe(4);
    const opening = (p: string) => p.replace(/^（.）/, "").replace(/[\d.%（）]/g, "").slice(0, 2);
    for (const list of [problems, requirements]) {
      for (let i = 1; i < list.length; i++) expect(opening(list[i]!), list[i]).not.toBe(opening(list[i - 1]!));
    }
  });

  it("ends with the 版记 and lists the 附件 it refers to", () => {
    const doc = build(facts());
    expect(doc.colophon).toEqual({ copyTo: DEFAULT_CIRCULAR_SETTINGS.copyTo, printer: "示范市社会信用体系建设领导小组办公室", printedOn: "2026年11月5日" });
    expect(paragraphs(doc).join("")).toContain("各区县得分和名次见附件1");
    expect(paragraphs(doc).join("")).toContain("明细见附件2");
  });
});

describe("the circular's sentences", () => {
  it("says the score rose and the national rank rose (a smaller number is better)", () => {
    expect(overallParagraph(facts())).toBe(
      "2026年10月，全市社会信用体系建设监测综合得分86.5分，较上月上升0.52分；在全国261个城市信用状况监测中排名第9位，较上月上升3位；2项监测指标中1项达到目标值，1项未达标（双公示及时率）。");
  });

  it("names the best and worst district and why, movers, and ties", () => {
    expect(districtParagraph(facts())).toBe(
      "综合得分最高的是城关区（94.3分）；最低的是西山区（71.8分），主要失分在A级纳税人占比（9.9%）、双公示上报率（94.0%）；名次上升最多的是城关区（上升2位）；下降最多的是西山区（下降2位）。");
  });

  it("reports 双公示 as provincial circulars do: 许可 and 处罚 apart, units late on more than half named", () => {
    const sgs = {
      byDistrict: {
        license: [{ name: "城关区", reported: 100, compliant: 98, late: 2 }, { name: "西山区", reported: 10, compliant: 7, late: 6 }],
        penalty: [],
      },
      byDepartment: { license: [{ name: "市住建局", reported: 4, compliant: 4, late: 3 }], penalty: [] },
    };
    expect(sgsParagraphs(facts({ sgs }))).toEqual([
      "行政许可方面，全市上报110条，合规率95.5%，迟报率7.3%；合规率最低的是西山区（70.0%）；迟报率超过50%的有西山区（60.0%）、市住建局（75.0%），须限期整改。",
      "行政处罚方面，本月各区县没有上报决定日期在本月的记录。",
    ]);
  });

  it("praises what rose and what was put right, and says where 督办 items stand", () => {
    const f = facts({ previousWarnings: [{ kind: "red", unitName: "东湖区", level: "district", indicator: "双公示上报率" }] });
    expect(praiseParagraph(f)).toBe("城关区（上升2位）名次较上月上升；东湖区双公示上报率由上月预警整改至达到目标值，予以通报表扬。");
    expect(supervisionParagraph(f)).toBe("截至目前，尚无督办事项。");
    const supervised = facts({ supervision: { openedThisMonth: 2, open: 2, closed: 3, overdue: [{ label: "西山区双公示上报率", departments: ["市市场监管局"], deadline: "2026-11-01" }], verdicts: { effective: 2, partial: 1, none: 0 } } });
    expect(supervisionParagraph(supervised)).toBe(
      "截至目前，督办事项共5件（本月新开2件），已办结3件，未办结2件；已办结事项中，经数据核验整改有效2件、部分有效1件、未见成效0件；逾期未办结1件：西山区双公示上报率（市市场监管局），请抓紧办理。");
  });
});
