import { describe, expect, it } from "vitest";
import { isNoise, normalise, normaliseLine } from "./normalise";
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
