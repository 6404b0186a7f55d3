import { describe, expect, it } from "vitest";
import { deadlineOf, findDeadlines } from "./deadlines";
import { chineseNumber, readTargets } from "./targets";

const read = (text: string) => readTargets(text, text).targets.map(({ indicator, op, value, unit }) => [indicator, op, value, unit]);

describe("readTargets", () => {
  it("reads each comparison word", () => {
    expect(read("覆盖率达到95%,增幅超过3%,占比不低于10%,差错率低于1%,投诉数不超过5件,时限控制在3天以内,比例降至2%以下,数量10家以上。"))
      .toEqual([[null, ">=", 95, "%"], [null, ">", 3, "%"], [null, ">=", 10, "%"], [null, "<", 1, "%"],
        [null, "<=", 5, "件"], [null, "<=", 3, null], [null, "<=", 2, "%"], [null, ">=", 10, "家"]]);
  });

  it("reads symbols, 万分之 and 百分之, and ignores dates, document numbers and titles", () => {
    expect(read("执结率≥80%,不良率<2%,重错码率低于万分之二,占比达百分之十五。")).toEqual(
      [[null, ">=", 80, "%"], [null, "<", 2, "%"], ["uscc_error_rate", "<", 2, "‱"], [null, ">=", 15, "%"]]);
    expect(read("按照《达到30家的办法》(国发〔2018〕35号)于2023年10月底前完成第3批20个领域工作。")).toEqual([]);
  });

  it("reads 力争为零, 动态清零, 零增长 and 为0 as = 0", () => {
    expect(read("高频失信企业力争为零;政府机构失信被执行人案件动态清零;政务失信案件零增长;新增数为0。")).toEqual([
      ["frequent_penalty_count", "=", 0, null], ["gov_default_open", "=", 0, null], ["gov_default_open", "=", 0, null], [null, "=", 0, null],
    ]);
  });

  it("names indicators only from the target's own subject and matching unit", () => {
    expect(read("“信易贷”平台入驻企业占比达到30%,实名认证企业占比达到15%,获贷企业占比不低于4%,获贷企业不少于100家。"))
      .toEqual([["xyd_enrolled_ratio", ">=", 30, "%"], ["xyd_verified_ratio", ">=", 15, "%"], ["xyd_loan_ratio", ">=", 4, "%"], [null, ">=", 100, "家"]]);
    expect(read("双公示上报及时率达到100%。")).toEqual([["sgs_timeliness_rate", ">=", 100, "%"]]);
    expect(read("上报率达到100%。")).toEqual([[null, ">=", 100, "%"]]);
  });

  it("reads Chinese figures", () => {
    expect([chineseNumber("一"), chineseNumber("十五"), chineseNumber("二十"), chineseNumber("零点五"), chineseNumber("1.5")]).toEqual([1, 15, 20, 0.5, 1.5]);
  });
});

describe("deadlines", () => {
  it("reads month ends, days, year ends and relative years", () => {
    const found = findDeadlines("2023年10月底前;6月底前;3月15日前;年底前;明年6月底前;今年8月底前;9月前;2024年2月底前", 2023);
    expect(found.map((d) => d.date)).toEqual(
      ["2023-10-31", "2023-06-30", "2023-03-15", "2023-12-31", "2024-06-30", "2023-08-31", "2023-08-31", "2024-02-29"]);
  });

  it("needs a plan year for a month alone, and ignores dates that are not deadlines", () => {
    expect(findDeadlines("6月底前完成", null)).toEqual([]);
    expect(findDeadlines("2023年3月29日印发,2月30日前", 2023)).toEqual([]);
  });

  it("takes the deadline in the first target's sentence, else the first one", () => {
    const text = "年底前完成部署。6月底前,覆盖率达到90%。";
    const { firstAt } = readTargets(text, text);
    expect(deadlineOf(text, 2023, firstAt)).toBe("2023-06-30");
    expect(deadlineOf("年底前完成部署。6月底前上线。", 2023, null)).toBe("2023-12-31");
  });
});
