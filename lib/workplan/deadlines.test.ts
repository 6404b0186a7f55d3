import { describe, expect, it } from "vitest";
import { findCadences, findDeadlines, readDeadline, taskDeadline } from "./deadlines";
import { deadlineKindNote } from "./types";

describe("deadlines as written", () => {
  // [text, plan year, date]
  const DATES: [string, number, string][] = [
    ["10月底前完成", 2023, "2023-10-31"],
    ["2023年10月底前完成", 2024, "2023-10-31"],
    ["6月30日前完成", 2023, "2023-06-30"],
    ["6月30号之前完成", 2023, "2023-06-30"],
    ["9月前完成", 2023, "2023-08-31"],
    ["3月份前完成", 2023, "2023-02-28"],
    ["十二月底前完成", 2023, "2023-12-31"],
    ["6月中旬前完成", 2023, "2023-06-20"],
    ["6月下旬完成", 2023, "2023-06-30"],
    ["年底前完成", 2023, "2023-12-31"],
    ["年末完成", 2023, "2023-12-31"],
    ["2024年底前完成", 2023, "2024-12-31"],
    ["今年内完成", 2023, "2023-12-31"],
    ["年内完成", 2023, "2023-12-31"],
    ["上半年完成", 2023, "2023-06-30"],
    ["下半年启动", 2023, "2023-12-31"],
    ["年中完成", 2023, "2023-06-30"],
    ["一季度完成", 2023, "2023-03-31"],
    ["第一季度末前完成", 2023, "2023-03-31"],
    ["三季度末完成", 2023, "2023-09-30"],
    ["前三季度完成", 2023, "2023-09-30"],
    ["第4季度完成", 2023, "2023-12-31"],
    ["明年6月底前完成", 2023, "2024-06-30"],
    ["截至6月底", 2023, "2023-06-30"],
    ["2月底前完成", 2024, "2024-02-29"],
  ];
  it.each(DATES)("%s (%i) → %s", (text, year, date) => {
    expect(findDeadlines(text, year).map((d) => d.date)).toEqual([date]);
  });

  // Look-alikes that are no deadline.
  const NOT_DATES = [
    "2023年3月29日印发",
    "3月1日起施行",
    "2月30日前",
    "今后两年内完成",
    "三年内建成",
    "7个工作日内上报",
    "3个月内办结",
    "6月完成",
    "每季度通报",
    "每月5日前报送",
    "摸清底数",
    "《城市信用状况监测预警指标(2022年版)》",
    "创办《信用盘锦》刊物(月刊)",
  ];
  it.each(NOT_DATES)("no date: %s", (text) => {
    expect(findDeadlines(text, 2023)).toEqual([]);
  });

  it("needs a plan year for a month alone", () => {
    expect(findDeadlines("6月底前完成", null)).toEqual([]);
    expect(findDeadlines("2023年6月底前完成", null).map((d) => d.date)).toEqual(["2023-06-30"]);
  });
});

describe("recurring and standing duties", () => {
  const CADENCES: [string, "recurring" | "standing", string][] = [
    ["每季度通报一次", "recurring", "每季度"],
    ["每个季度召开调度会", "recurring", "每个季度"],
    ["每月5日前报送", "recurring", "每月"],
    ["按月报送工作进展", "recurring", "按月"],
    ["每半年开展一次评估", "recurring", "每半年"],
    ["季度通报排名", "recurring", "季度通报"],
    ["长期坚持", "standing", "长期坚持"],
    ["持续推进信用承诺", "standing", "持续推进"],
    ["常态化开展城市信用监测", "standing", "常态化"],
  ];
  it.each(CADENCES)("%s", (text, kind, words) => {
    expect(findCadences(text).map((c) => [c.kind, c.text])).toEqual([[kind, words]]);
  });

  const NOT_CADENCES = ["每年开展一次", "创办刊物(月刊)", "一季度通报", "建立长效机制", "持续提升服务水平", "长期有效"];
  it.each(NOT_CADENCES)("no cadence: %s", (text) => {
    expect(findCadences(text)).toEqual([]);
  });
});

describe("a task's deadline", () => {
  const TASKS: [string, string, "date" | "recurring" | "standing" | "default", string | null][] = [
    ["完善制度。6月底前出台办法。〔责任单位:区发改委〕", "2023-06-30", "date", "6月底前"],
    ["完善制度。出台办法。〔责任单位:区发改委〕", "2023-12-31", "default", null],
    ["加强宣传。每季度举办活动不少于2次。(市委宣传部负责)", "2023-12-31", "recurring", "每季度"],
    ["常态化开展城市信用监测。不断提升排名。〔责任单位:区发改委〕", "2023-12-31", "standing", "常态化"],
    ["推进建设。长期坚持,久久为功。〔责任单位:区发改委〕", "2023-12-31", "standing", "长期坚持"],
    // 常态化 only in passing is not the task's rhythm.
    ["精准监管。建立常态化信息报送机制。〔责任单位:区发改委〕", "2023-12-31", "default", null],
    // The target's own sentence decides: its date over an earlier one.
    ["年底前完成部署。6月底前,覆盖率达到90%。〔责任单位:区发改委〕", "2023-06-30", "date", "6月底前"],
    // A date beats a cadence in the same sentence.
    ["持续推进信用承诺,9月底前覆盖率达到90%。〔责任单位:区发改委〕", "2023-09-30", "date", "9月底前"],
    // A date written only inside the unit bracket still counts.
    ["完善制度。〔责任单位:区发改委;完成时限:2023年6月底前〕", "2023-06-30", "date", "2023年6月底前"],
  ];
  it.each(TASKS)("%s", (text, date, kind, words) => {
    expect(taskDeadline(text, 2023)).toEqual({ date, kind, text: words });
  });

  it("has no date without a plan year, but still a kind", () => {
    expect(readDeadline("完善制度。", null, null)).toEqual({ date: null, kind: "default", text: null });
    expect(readDeadline("每季度通报。", null, null)).toEqual({ date: null, kind: "recurring", text: "每季度" });
  });
});

describe("deadlineKindNote", () => {
  it("says 默认, the cadence or 长期 beside the date, and nothing for a stated date", () => {
    expect([deadlineKindNote("date", "6月底前"), deadlineKindNote("default", null), deadlineKindNote("recurring", "每季度"), deadlineKindNote("standing", "常态化")])
      .toEqual([null, "默认", "每季度", "长期：常态化"]);
  });
});
