import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";

// The seed documents live beside the repo (CI puts them at ../shared/seeds); they are not copied in.
const SEEDS = join(fileURLToPath(new URL("../..", import.meta.url)), "../shared/seeds");
const plan = readWorkPlan(readFileSync(join(SEEDS, "000_2d131086bd414a52.txt"), "utf8"));

const SECTIONS: [string, number, number][] = [
  ["(一)加强社会信用规范化建设", 1, 2],
  ["(二)提升政务诚信和司法公信建设水平", 3, 4],
  ["(三)提升公共信用信息共建共享水平", 5, 7],
  ["(四)提升信用监管水平", 8, 14],
  ["(五)加强重点领域信用建设", 15, 25],
  ["(六)持续提升信用惠民便企水平", 26, 32],
  ["(七)提升诚信文化建设水平", 33, 35],
];

// Responsible units of tasks 1–35, as the 〔责任单位:…〕 brackets list them. No task names a lead unit.
const UNITS: string[][] = [
  ["区发改委", "区级各行业主管部门", "各镇(街道)"],
  ["区级各行业主管部门", "各镇(街道)"],
  ["区政府办", "区发改委", "区财政局", "区科工信局", "区商务局", "区统计局", "区级各行业主管部门", "各镇(街道)"],
  ["区司法局", "区公安局", "区检察院"],
  ["区发改委", "区金融服务中心", "区新型智慧城市运行中心", "各镇(街道)"],
  ["区发改委", "区法院", "区市场监管局", "区人社局", "区医保局", "区税务局", "市公积金上街分中心", "区住建局(交通局)",
    "区自然资源规划局", "区科工信局", "市生态环境局上街分局", "区农委", "区自来水公司", "天伦燃气公司", "中节能公司", "中能环科公司"],
  ["区发改委", "区级各行业主管部门"],
  ["区发改委", "区级各行业主管部门"],
  ["区发改委", "区级各行业主管部门"],
  ["区发改委", "区级各行业主管部门"],
  ["区发改委", "区级各行业主管部门"],
  ["区发改委", "区级各行业主管部门"],
  ["区级各行业主管部门", "区发改委"],
  ["区市场监管局", "区委编办", "区民政局", "区发改委"],
  ["区财政局", "区发改委"],
  ["区住建局(交通局)"],
  ["区住建局(交通局)"],
  ["区市场监管局", "区委宣传部", "区法院", "区农委", "区文广旅体局", "区科工信局"],
  ["区市场监管局"],
  ["区发改委", "区科工信局", "区商务局", "区应急局"],
  ["区商务局", "区应急局", "区住建局(交通局)", "区级相关行业主管部门"],
  ["区教育局"],
  ["区科工信局", "区教育局", "区卫健委"],
  ["区税务局"],
  ["区住建局(交通局)"],
  ["区发改委", "区金融服务中心", "区级各行业主管部门", "各镇(街道)"],
  ["区金融服务中心", "区财政局"],
  ["区委社治委", "区文明办", "各镇(街道)"],
  ["区级各行业主管部门", "区发改委"],
  ["区发改委", "区金融服务中心", "区市场监管局", "区商务局", "区文广旅体局", "区民政局"],
  ["区发改委"],
  ["区发改委", "区新型智慧城市运行中心"],
  ["区委宣传部", "区发改委", "区教育局", "区级各行业主管部门", "各镇(街道)"],
  ["区发改委", "区级各行业主管部门", "各镇(街道)"],
  ["区发改委", "区文明办", "区社治委", "各镇(街道)"],
];

const TARGETS: Record<string, unknown[]> = {
  "3": [{ indicator: "gov_default_open", op: "=", value: 0, unit: null, text: "确保全区政府机构失信案件“零增长”" }],
  "7": ["sgs_report_rate", "sgs_compliance_rate", "sgs_timeliness_rate"].map((indicator) => (
    { indicator, op: ">=", value: 100, unit: "%", text: "上报率、合规率、及时率均达到100%" })),
  "14": [{ indicator: "uscc_error_rate", op: "<", value: 1, unit: "‱", text: "重错码率要低于万分之一" }],
  "24": [{ indicator: "tax_a_share", op: ">=", value: 15, unit: "%", text: "提升A级纳税人企业数量占存续企业总量比例达到15%" }],
  "26": [
    { indicator: "xyd_enrolled_ratio", op: ">", value: 30, unit: "%", text: "实现平台入驻企业数量高于我区存续状态企业数量的30%" },
    { indicator: "xyd_verified_ratio", op: ">=", value: 15, unit: "%", text: "实名认证企业数量不低于我区存续状态企业数量的15%" },
  ],
};

describe("seed 000: a district's 2023 work points (〔责任单位:…〕, tasks 1.–35.)", () => {
  it("reads the plan's title and year", () => {
    expect(plan.title).toBe("上街区社会信用体系建设2023年工作要点");
    expect(plan.year).toBe(2023);
    expect(plan.yearSource).toBe("title");
    expect(plan.notes).toEqual([]);
  });

  it("finds exactly the 35 tasks, numbered 1–35 under their sub-sections", () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 35 }, (_, i) => String(i + 1)));
    for (const [section, first, last] of SECTIONS) {
      for (let n = first; n <= last; n++) expect(plan.tasks[n - 1]!.section, `task ${n}`).toBe(section);
    }
  });

  it("reads every task's units, all responsible, none lead", () => {
    plan.tasks.forEach((t, i) => {
      expect(t.leadUnits, `task ${t.number}`).toEqual([]);
      expect(t.units, `task ${t.number}`).toEqual(UNITS[i]);
    });
  });

  it("reads every target, and gives every task a deadline: the one it states, standing ones, else the year's end", () => {
    for (const t of plan.tasks) expect(t.targets, `task ${t.number}`).toEqual(TARGETS[t.number] ?? []);
    // The plan states one date (26); 12 (常态化开展…) and 15 (持续推进…) are standing duties; the rest default
    // to the end of 2023, marked as such.
    const stated: Record<string, [string, string, string]> = {
      "12": ["2023-12-31", "standing", "常态化"],
      "15": ["2023-12-31", "standing", "持续推进"],
      "26": ["2023-10-31", "date", "2023年10月底前"],
    };
    for (const t of plan.tasks) {
      const [deadline, kind, text] = stated[t.number] ?? ["2023-12-31", "default", null];
      expect([t.deadline, t.deadlineKind, t.deadlineText], `task ${t.number}`).toEqual([deadline, kind, text]);
    }
  });

  it("titles each task by its first sentence and keeps the text as written", () => {
    expect(plan.tasks[0]!.title).toBe("持续提升社会信用体系建设规范化水平");
    expect(plan.tasks[27]!.title).toBe("探索“信用+”社区服务管理新模式");
    expect(plan.tasks[34]!.title).toBe("积极推进第三批信用示范试点建设");
    for (const t of plan.tasks) {
      expect(t.text.startsWith(`${t.title}。`), `task ${t.number}`).toBe(true);
      expect(t.originalText.startsWith(`${t.number}.${t.title}`), `task ${t.number}`).toBe(true);
      expect(t.text).toMatch(/〔责任单位:[^〕]+〕$/);
    }
  });

  it("keeps the guiding ideas and the safeguards apart as provisions", () => {
    expect(plan.provisions).toEqual([
      { section: "", number: "一", title: "指导思想" },
      { section: "三、保障措施", number: "(一)", title: "加强培训学习" },
      { section: "三、保障措施", number: "(二)", title: "加强资金保障" },
      { section: "三、保障措施", number: "(三)", title: "抓好责任落实" },
      { section: "三、保障措施", number: "(四)", title: "完善工作机制" },
    ]);
  });
});
