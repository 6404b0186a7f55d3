import { describe, expect, it } from "vitest";
import { isNoise, normalise, normaliseLine, normaliseWidth } from "./normalise";
import { buildTree } from "./structure";
import { readWorkPlan } from "./read";

describe("normaliseLine", () => {
  it("folds full-width digits and punctuation, drops stray spaces and converts to simplified", () => {
    expect(normaliseLine("\u00a0（一）重錯碼率 低於萬分之１．５；責任單位： 區發改委\u3000")).toBe("(一)重错码率低于万分之1.5;责任单位:区发改委");
    expect(normaliseLine("依托“郑好办”APP 终端,A 级纳税人")).toBe("依托“郑好办”APP终端,A级纳税人");
    expect(normaliseLine("open data platform")).toBe("open data platform");
  });

  it("keeps unit names a phrase table would rewrite", () => {
    expect(normaliseLine("市智慧城市運管中心、市工業和資訊化局")).toBe("市智慧城市运管中心、市工业和资讯化局");
  });
});

describe("isNoise", () => {
  it("recognises page furniture", () => {
    for (const line of ["发布时间:2019-08-27浏览次数:429", "来源:区发改委时间:2023-04-12", "【字号:大中小】【打印本页】【关闭窗口】",
      "打印此文关闭窗口", "分享到:微信微博", "当前位置:首页>通知公告", "【】"]) expect(isNoise(line), line).toBe(true);
    for (const line of ["1.打印本页面的要求", "来源可追溯", "各有关单位:"]) expect(isNoise(line), line).toBe(false);
  });
});

describe("paragraphs and structure", () => {
  it("joins a sentence broken across lines but not a heading and its paragraph", () => {
    const { paragraphs } = normalise("一、指导思想\n以习近平新时代中国特色社会主义思想为指导,全面贯彻\n落实党的二十大精神。\n1.做好\n");
    expect(paragraphs.map((p) => p.text)).toEqual(["一、指导思想", "以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大精神。", "1.做好"]);
  });

  it("nests 一、 (一) 1. (1) ① and stops the body at a signature, a date or an attachment", () => {
    const tree = buildTree(normalise("前言。\n一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n二、己\n某某办公室\n2023年3月1日\n附件:清单").paragraphs);
    expect(tree.preamble.map((p) => p.text)).toEqual(["前言。"]);
    expect(tree.items.map((n) => n.number)).toEqual(["一", "二"]);
    expect(tree.items[0]!.children[0]!.children[0]!.children[0]!.children[0]!.number).toBe("①");
    expect(tree.trailer.map((p) => p.text)).toEqual(["某某办公室", "2023年3月1日", "附件:清单"]);
  });

  it("folds unnumbered sub-items of a task into it and takes a heading line alone as the title", () => {
    const plan = readWorkPlan("2023年工作要点\n一、任务\n1.完善制度\n(1)修订办法;\n(2)建立台账。〔责任单位:区发改委〕\n2.抓好落实。(区财政局负责)");
    expect(plan.tasks.map((t) => [t.number, t.title, t.units])).toEqual([["1", "完善制度", ["区发改委"]], ["2", "抓好落实", ["区财政局"]]]);
    expect(plan.tasks[0]!.text).toBe("完善制度\n(1)修订办法;\n(2)建立台账。〔责任单位:区发改委〕");
    expect(plan.provisions).toEqual([]);
  });
});

describe("pinyin a web page printed after characters", () => {
  it.each([
    ["縣區(qū)", "县区"],
    ["負責(zé)", "负责"],
    ["牽(qiān)頭", "牵头"],
    ["负责（fù zé）", "负责"],
    ["负责（fùzé）", "负责"],
    ["牵 (qian1 tou2) 头", "牵头"],
    ["区[qu1]县", "区县"],
    ["區(Qū)", "区"],
    ["绿(lǜ)色", "绿色"],
    ["绿(lv4)色", "绿色"],
    ["區qū域", "区域"],
    ["由市发改委牵头（qiān tóu）负责", "由市发改委牵头负责"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseLine(raw)).toBe(expected);
  });

  it.each([
    ["（牵头单位：市发改委）", "(牵头单位:市发改委)"],
    ["(2026年)", "(2026年)"],
    ["(1)", "(1)"],
    ["（一）", "(一)"],
    ["依托“郑好办”APP(APP)终端", "依托“郑好办”APP(APP)终端"],
    ["信用(Credit)中国", "信用(Credit)中国"],
    ["中心(e)", "中心(e)"],
    ["证照(ID)核验", "证照(ID)核验"],
    ["区块链(BSN)平台", "区块链(BSN)平台"],
    ["第(2)项", "第(2)项"],
    ["A级(a)纳税人", "A级(a)纳税人"],
    ["编号(qu12)", "编号(qu12)"],
    ["办理(ban li)事项", "办理(ban li)事项"],
  ])("leaves %s alone", (raw, expected) => {
    expect(normaliseLine(raw)).toBe(expected);
  });

  it("reads a task whose units carry pinyin as the units", () => {
    const plan = readWorkPlan("2026年工作要点\n一、任务\n1．健全信用修(xiū)复机制。（牽(qiān)頭單位：市發改委；責(zé)任單位：各縣區(qū)政府）");
    expect(plan.tasks.map((t) => [t.title, t.leadUnits, t.units])).toEqual([["健全信用修复机制", ["市发改委"], ["各县区政府"]]]);
  });
});

describe("page furniture", () => {
  it.each([
    "来源：市发展改革委", "时间：2023-04-12", "发布时间：2023-04-12 10:30", "浏览次数：1024", "阅读次数：88",
    "【字体：大 中 小】", "字号：大 中 小", "【字号 大 中 小】【打印本页】【关闭窗口】", "[打印本页] [关闭窗口]",
    "分享到：微信 微博 QQ空间", "首页 > 政务公开 > 通知公告", "网站首页 » 信息公开 » 规划计划",
    "扫一扫在手机打开当前页", "责任编辑：张三", "【责任编辑：李四】", "责任编辑 王五",
    "2023-04-12 来源：区发改委 浏览次数：429", "上一篇：关于印发…的通知", "下一篇：无",
    "版权所有：某市人民政府办公室", "京ICP备12345678号", "京公网安备 11010502030143号", "网站标识码：1100000088",
    "2023-04-12", "2023-04-12 10:30:05", "— 3 —", "- 12 -", "第 2 页 共 5 页", "【我要纠错】", "返回顶部", "相关链接",
  ])("drops %s", (line) => {
    expect(isNoise(normaliseLine(line))).toBe(true);
  });

  it.each([
    "来源可追溯", "1．打印本页面的要求", "各有关单位：", "完成时间：2026年6月底前", "2023年3月1日", "一、总体要求",
    "（一）编辑出版信用手册。（市委宣传部负责）", "责任单位：市发展改革委", "信息来源渠道要合法合规。", "首页改版工作",
    "资金来源：市级财政预算", "3", "2026", "依法保护版权所有人的合法权益。",
  ])("keeps %s", (line) => {
    expect(isNoise(normaliseLine(line))).toBe(false);
  });
});

describe("traditional characters", () => {
  it.each([
    ["重錯碼率低於萬分之一", "重错码率低于万分之一"],
    ["牽頭單位：市發展改革委；責任單位：各縣（市、區）人民政府", "牵头单位:市发展改革委;责任单位:各县(市、区)人民政府"],
    ["雙公示數據報送合規率達到100%", "双公示数据报送合规率达到100%"],
    ["市衞生健康委", "市卫生健康委"],
    ["爲民服務", "为民服务"],
    ["市工業和資訊化局、市智慧城市運管中心", "市工业和资讯化局、市智慧城市运管中心"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseLine(raw)).toBe(expected);
  });

  it("leaves simplified text as it is", () => {
    const line = "市发展改革委、市市场监管局、市税务局、市卫生健康委按月报送双公示信息，合规率达到100%。";
    expect(normaliseLine(line)).toBe(normaliseWidth(line).replace(/，/g, ","));
  });
});

describe("punctuation the reader needs in half width", () => {
  it.each([
    ["牵头单位∶市发改委", "牵头单位:市发改委"],
    ["（１）", "(1)"],
    ["１．", "1."],
    ["﹙二﹚", "(二)"],
    ["率达到１００％", "率达到100%"],
    ["「双公示」", "“双公示”"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseLine(raw)).toBe(expected);
  });
});
