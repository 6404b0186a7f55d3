import { describe, expect, it } from "vitest";
import { buildCircular } from "./content";
import type { CircularDocument } from "./document";
import { DEFAULT_CIRCULAR_SETTINGS, type CircularFacts, type CircularWarning } from "./facts";
import { supervisionParagraph, taskParagraph } from "./follow-up-sentences";
import { sgsParagraph } from "./sgs-sentences";
import { districtParagraph, overallParagraph, praiseParagraph } from "./sentences";

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
const ALL_RED = ["双公示上报率", "双公示合规率", "双公示及时率", "A级纳税人占比"].flatMap((indicator, k) => [
  warning("red", "示范市", indicator, `${90 - k}.0%`, "city"),
  ...["城关区", "东湖区", "西山区"].map((unit, u) => warning("red", unit, indicator, `${80 + u + k}.0%`)),
  warning("red", "东大街街道", indicator, "50.0%", "town"),
]);
const SECTIONS = ["一、总体情况", "二、存在的主要问题", "三、督办整改和任务推进情况", "四、下月工作要求"];
const MONTHS: { name: string; facts: CircularFacts; says: string[]; never: string[]; sections: string[]; attachments: string[] }[] = [
  {
    name: "a month with no problems",
    facts: facts({ warnings: [], tasks: [], indicators: [{ name: "双公示及时率", valueText: "100.0%", targetText: "≥100.0%", met: true }] }),
    says: ["1项监测指标全部达到目标值", "本月各项指标均达到目标值，未出现红色、黄色预警。", "无逾期或预计无法按期达标的任务", "巩固监测成果"],
    never: ["需重点关注整改", "红色预警"],
    sections: SECTIONS,
    attachments: ["各区县综合得分排名"],
  },
  {
    name: "a month where everything is red",
    facts: facts({ warnings: ALL_RED, districts: facts().districts.map((d) => ({ ...d, rankChange: 0 })) }),
    says: [
      "本月红色预警20项、黄色预警0项（含镇街），4项指标触及红线：",
      "（一）双公示上报率。城关区（80.0%）、东湖区（81.0%）等3个区县触及红线，需重点关注整改；全市为90.0%，未达到≥100.0%的目标；镇街层面有1个未达标。牵头单位：市市场监管局。",
      "另有双公示及时率等2项指标触及红线，明细见附件2。",
      "（一）抓好预警整改。双公示上报率等4项触及红线的指标，牵头单位要督促有关区县对照附件2逐条整改，12月10日前报送整改情况。",
    ],
    never: ["予以通报表扬", "（三）双公示"],
    sections: SECTIONS,
    attachments: ["各区县综合得分排名", "红色、黄色预警明细"],
  },
  {
    name: "a month with ties at the top",
    facts: facts({ districts: [
      { name: "甲区", score: 90, rank: 1, rankChange: 1, weakest: [] },
      { name: "乙区", score: 90, rank: 1, rankChange: 0, weakest: [] },
      { name: "丙区", score: 80, rank: 3, rankChange: -1, weakest: [] },
    ] }),
    says: ["各区县中甲区、乙区并列第一（90分），丙区最低（80分）", "甲区（上升1位）名次较上月上升，予以通报表扬"],
    never: [],
    sections: SECTIONS,
    attachments: ["各区县综合得分排名", "红色、黄色预警明细"],
  },
];

/** A month with much to report: many tasks, overdue 督办 items, units late with 双公示. */
const BUSY = facts({
  warnings: ALL_RED,
  tasks: Array.from({ length: 6 }, (_, i) => ({
    number: String(i + 1), title: `任务${i + 1}`, status: i < 4 ? "overdue" as const : "off_track" as const,
    owners: ["市发改委", "市市场监管局"], deadline: `2026-0${9 - i}-30`,
  })),
  supervision: {
    openedThisMonth: 2, open: 4, closed: 6, verdicts: { effective: 4, partial: 1, none: 1 },
    overdue: [
      { label: "东湖区双公示上报率", departments: ["市审批局"], deadline: "2026-10-10" },
      { label: "西山区A级纳税人占比", departments: ["市税务局"], deadline: "2026-09-10" },
    ],
  },
  sgs: {
    byDistrict: { license: [{ name: "城关区", reported: 100, compliant: 98, late: 2 }, { name: "西山区", reported: 10, compliant: 7, late: 6 }], penalty: [] },
    byDepartment: { license: [{ name: "市住建局", reported: 4, compliant: 4, late: 3 }, { name: "市水利局", reported: 9, compliant: 9, late: 5 }, { name: "市商务局", reported: 5, compliant: 5, late: 3 }], penalty: [] },
  },
});

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

  it("writes the worst indicators in full and sums up the rest; names a few units and counts the rest", () => {
    const doc = build(BUSY);
    const text = paragraphs(doc).join("\n");
    expect(headings(doc)).toEqual(["一、总体情况", "二、存在的主要问题", "三、双公示报送情况", "四、督办整改和任务推进情况", "五、下月工作要求"]);
    expect(paragraphs(doc).filter((p) => p.includes("需重点关注整改"))).toHaveLength(2);
    expect(text).toContain("市住建局、西山区等4个单位迟报率超过50%");
    expect(text).toContain("逾期最久的是西山区A级纳税人占比（市税务局）");
    expect(text).toContain("工作要点任务逾期4项、进度滞后2项（见附件4），逾期最久的是第4项“任务4”（市发改委等，6月30日到期）");
    expect(text).toContain("（二）加快推进落实。逾期的2件督办事项和4项任务须于12月10日前办结或报送进展，滞后任务要倒排工期。");
    expect(text).toContain("（三）规范数据报送。迟报率超过50%的单位要限期整改");
    expect(doc.attachments.map((a) => a.title)).toEqual(["各区县综合得分排名", "红色、黄色预警明细", "双公示报送情况", "逾期或进度滞后的工作要点任务"]);
    expect(doc.attachments[3]!.blocks[0]).toMatchObject({ kind: "table", rows: expect.arrayContaining([expect.arrayContaining(["任务6"])]) });
  });

  it("never words two sentences in a row alike", () => {
    const doc = build(BUSY);
    const sentences = paragraphs(doc).flatMap((p) => p.split(/(?<=。)/)).map((s) => s.replace(/^（.）/, "").replace(/[\d.%（）]/g, ""));
    const opening = (s: string) => s.slice(0, 2);
    for (let i = 1; i < sentences.length; i++) expect(opening(sentences[i]!), sentences[i]).not.toBe(opening(sentences[i - 1]!));
    // The problem paragraphs take turns among phrasings.
    const problems = paragraphs(doc).filter((p) => p.includes("需重点关注整改")).map((p) => p.replace(/^（.）[^。]+。/, ""));
    expect(opening(problems[1]!)).not.toBe(opening(problems[0]!));
  });

  it("ends with the 版记 and lists the 附件 it refers to", () => {
    const doc = build(facts());
    expect(doc.colophon).toEqual({ copyTo: DEFAULT_CIRCULAR_SETTINGS.copyTo, printer: "示范市社会信用体系建设领导小组办公室", printedOn: "2026年11月5日" });
    expect(paragraphs(doc).join("")).toContain("详见附件1");
    expect(paragraphs(doc).join("")).toContain("明细见附件2");
  });
});

describe("the circular's sentences", () => {
  it("says the score rose and the national rank rose (a smaller number is better)", () => {
    expect(overallParagraph(facts())).toBe(
      "10月，全市监测综合得分86.5分，较上月上升0.52分；在全国261个城市中排名第9位，较上月上升3位；2项监测指标中1项未达标（双公示及时率）。");
  });

  it("names the best and worst district and why, and the biggest fall (risers are praised)", () => {
    expect(districtParagraph(facts())).toBe(
      "各区县中城关区得分最高（94.3分），西山区最低（71.8分），主要失分在A级纳税人占比（9.9%）；西山区名次下降最多（下降2位）。");
  });

  it("reports 双公示 as provincial circulars do: 许可 and 处罚 apart, units late on more than half named", () => {
    const sgs = {
      byDistrict: {
        license: [{ name: "城关区", reported: 100, compliant: 98, late: 2 }, { name: "西山区", reported: 10, compliant: 7, late: 6 }],
        penalty: [],
      },
      byDepartment: { license: [{ name: "市住建局", reported: 4, compliant: 4, late: 3 }], penalty: [] },
    };
    expect(sgsParagraph(facts({ sgs }), 3)).toBe(
      "全市上报行政许可110条，合规率95.5%、迟报率7.3%；没有决定日期在本月的行政处罚记录。市住建局、西山区迟报率超过50%，分单位情况见附件3。");
  });

  it("praises what rose and what was put right, and says where 督办 items and tasks stand", () => {
    const f = facts({ previousWarnings: [{ kind: "red", unitName: "东湖区", level: "district", indicator: "双公示上报率" }] });
    expect(praiseParagraph(f)).toBe("城关区（上升2位）名次较上月上升；东湖区双公示上报率由上月预警整改至达到目标值，予以通报表扬。");
    expect(supervisionParagraph(f)).toBe("目前尚无督办事项。");
    const supervised = facts({ supervision: { openedThisMonth: 2, open: 2, closed: 3, overdue: [{ label: "西山区双公示上报率", departments: ["市市场监管局"], deadline: "2026-11-01" }], verdicts: { effective: 2, partial: 1, none: 0 } } });
    expect(supervisionParagraph(supervised)).toBe(
      "督办事项共5件（本月新开2件），已办结3件，其中1件经核验仅部分有效；未办结2件（逾期1件），逾期最久的是西山区双公示上报率（市市场监管局）。");
    expect(taskParagraph(f, null)).toBe("工作要点任务逾期1项，即第7项“提升双公示质量”（市市场监管局，9月30日到期）。");
  });
});
