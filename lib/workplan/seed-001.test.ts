import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";
import type { Target } from "./types";

const SEEDS = join(fileURLToPath(new URL("../..", import.meta.url)), "../shared/seeds");
const plan = readWorkPlan(readFileSync(join(SEEDS, "001_b9a9fd15655e665c.txt"), "utf8"));

const NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六"];
const COUNTIES = ["各县区政府", "辽东湾新区管委会"];

// (牵头单位:…;责任单位:…) of tasks (一)–(十六): "X等市直相关部门" names X and the collective.
const UNITS: [string[], string[]][] = [
  [["市市场监管局"], ["市委编办", "市民政局"]],
  [["市智慧城市运管中心"], ["市财政局", "市公管办"]],
  [["市智慧城市运管中心", "市营商局"], ["市直各相关部门", ...COUNTIES]],
  [["市人力资源社会保障局", "市智慧城市运管中心"], ["市教育局", "市民政局", "市住房城乡建设局", "市交通运输局", "市商务局",
    "市文旅广电局", "市卫生健康委", "市营商局", "市金融发展局", "市人民银行", "相关部门"]],
  [["市智慧城市运管中心"], ["市直各相关部门", ...COUNTIES]],
  [["市智慧城市运管中心"], ["各领域联合奖惩实施部门", ...COUNTIES]],
  [["市委宣传部", "市市场监管局", "市智慧城市运管中心"], ["市直各相关部门"]],
  [["市市场监管局", "市营商局"], ["市智慧城市运管中心", "市工商联", "市直相关部门", ...COUNTIES]],
  [["市营商局"], ["市委组织部", "市政府办", "市人力资源社会保障局", "市智慧城市运管中心", "市直相关部门", ...COUNTIES]],
  [["市智慧城市运管中心"], ["市发展改革委", "市工业和信息化局", "市住房城乡建设局", "市交通运输局", "市商务局", "市税务局",
    "市公管办", "市直相关部门", ...COUNTIES]],
  [["市智慧城市运管中心"], ["市教育局", "市科技局", "市民政局", "市司法局", "市人力资源社会保障局", "市生态环境局",
    "市住房城乡建设局", "市文旅广电局", "市卫生健康委", "市市场监管局", "市直相关部门", ...COUNTIES]],
  [["市司法局"], ["市法院", "市检察院", "市人力资源社会保障局"]],
  [["市营商局"], ["市直各相关部门", ...COUNTIES]],
  [["市委宣传部", "市融媒体发展中心"], ["市直各相关部门", ...COUNTIES]],
  [["市人民银行"], ["市财政局", "市金融发展局", "市税务局", "盘锦银保监分局"]],
  [["市营商局"], ["市法院", "市财政局", "市市场监管局", "市税务局", "盘锦海关"]],
];

const t = (op: Target["op"], value: number, unit: Target["unit"], indicator: string | null = null) => ({ indicator, op, value, unit });
const ALL_OF = t(">=", 100, "%"); // "100%接入", "100%建立": a bare 100% is read as a floor

const TARGETS: Record<string, unknown[]> = {
  "(一)": [t(">=", 100, "%"), t("<", 1, "‱", "uscc_error_rate"), t("=", 0, null, "uscc_error_rate")],
  "(三)": [ALL_OF, t(">=", 10, "个"), ALL_OF, t(">=", 2, null), t(">=", 1, "%")],
  "(四)": [t(">", 50, "%")],
  "(六)": [t(">=", 40, "个"), t(">=", 30, "%"), t(">=", 30, "%", "blacklist_exit_rate"), t(">=", 50, "%")],
  "(八)": [t(">=", 90, "%"), t(">=", 90, "%"), ALL_OF, ALL_OF, ALL_OF],
  "(十)": [ALL_OF],
  "(十一)": [ALL_OF],
  "(十二)": [ALL_OF],
  "(十三)": [t(">=", 80, "%")],
  "(十五)": [t("<", 2, "%"), t(">=", 80, "%"), t(">=", 70, "%"), t("=", 0, null)],
};

describe("seed 001: a city's 2019 plan ((牵头单位:…;责任单位:…), tasks (一)–(十六))", () => {
  it("reads the plan's title and takes the year from its date line", () => {
    expect(plan.title).toBe("盘锦市创建国家信用体系建设示范城市工作实施方案");
    expect(plan.year).toBe(2019);
    expect(plan.yearSource).toBe("date");
  });

  it("finds exactly the 16 tasks under 二、主要任务", () => {
    expect(plan.tasks.map((x) => x.number)).toEqual(NUMBERS.map((n) => `(${n})`));
    expect(new Set(plan.tasks.map((x) => x.section))).toEqual(new Set(["二、主要任务"]));
  });

  it("reads every task's lead and responsible units", () => {
    plan.tasks.forEach((task, i) => {
      expect([task.leadUnits, task.units], `task ${task.number}`).toEqual(UNITS[i]);
    });
  });

  it("reads every target with its comparison, unit and indicator", () => {
    for (const task of plan.tasks) {
      const got = task.targets.map(({ indicator, op, value, unit }) => ({ indicator, op, value, unit }));
      expect(got, `task ${task.number}`).toEqual(TARGETS[task.number] ?? []);
    }
    const first = plan.tasks[0]!.targets;
    expect(first.map((x) => x.text)).toEqual(["存量代码转换率达到100%", "统一社会信用代码重错码率至少低于万分之一", "力争重错码率为零"]);
    // 信用修复培训覆盖面 is about training, not the exit rate: no indicator.
    expect(plan.tasks[5]!.targets[3]!.text).toBe("信用修复培训覆盖面达到在运营黑名单主体总量的50%以上");
  });

  it("dates 6月底前 and 今年8月底前 in the plan's year, and the other 14 tasks at its end by default", () => {
    expect(plan.tasks.map((x) => x.deadline)).toEqual(["2019-06-30", "2019-08-31", ...Array(14).fill("2019-12-31")]);
    expect(plan.tasks.map((x) => x.deadlineKind)).toEqual(["date", "date", ...Array(14).fill("default")]);
    expect(plan.tasks.map((x) => x.deadlineText).slice(0, 3)).toEqual(["6月底前", "今年8月底前", null]);
    expect(readWorkPlan(readFileSync(join(SEEDS, "001_b9a9fd15655e665c.txt"), "utf8"), { year: 2020 }).tasks[0]!.deadline)
      .toBe("2020-06-30");
  });

  it("titles tasks by their first sentence", () => {
    expect(plan.tasks.map((x) => x.title).slice(0, 3)).toEqual(["加快统一社会信用代码转换", "加快建设市级公共信用信息平台", "加快推动公共信用信息共建共享"]);
    expect(plan.tasks[14]!.title).toBe("进一步加强金融生态环境建设");
    for (const x of plan.tasks) expect(x.text.startsWith(`${x.title}。`), `task ${x.number}`).toBe(true);
  });

  it("keeps 总体要求 and 工作要求 apart as provisions", () => {
    expect(plan.provisions).toEqual([
      { section: "一、总体要求", number: "(一)", title: "指导思想" },
      { section: "一、总体要求", number: "(二)", title: "工作目标" },
      { section: "三、工作要求", number: "(一)", title: "加强组织领导" },
      { section: "三、工作要求", number: "(二)", title: "强化专项资金支持" },
      { section: "三、工作要求", number: "(三)", title: "完善督导考核机制" },
      { section: "三、工作要求", number: "(四)", title: "强化责任落实" },
    ]);
  });
});
