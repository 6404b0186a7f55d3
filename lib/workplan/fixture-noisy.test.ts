import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";

const source = readFileSync(new URL("./__fixtures__/noisy.txt", import.meta.url), "utf8");
const NOTE = "以下任务均需各乡镇人民政府落实,不再列出";
const TOWNS = "各乡镇人民政府";

describe("fixture: a web copy with page furniture, full-width digits, wrapped lines and 以下均需…不再列出", () => {
  it("reads the whole plan exactly", () => {
    expect(readWorkPlan(source)).toEqual({
      year: 2023,
      yearSource: "title",
      title: "某县2023年社会信用体系建设重点任务",
      notes: [NOTE],
      provisions: [{ section: "二、工作要求", number: "(一)", title: "加强领导" }],
      tasks: [
        {
          section: "一、重点任务", number: "1", title: "加强政务诚信建设",
          text: "加强政务诚信建设。确保政府机构失信案件“零增长”,政府机构失信被执行人案件动态清零。〔责任单位:县法院、县财政局〕",
          originalText: "1．加强政务诚信建设。确保政府机构失信案件“零增长”，政府机构失信被执行人案件动态清零。〔责任单位：县法院、县财政局〕",
          leadUnits: [], units: ["县法院", "县财政局", TOWNS],
          targets: [
            { indicator: "gov_default_open", op: "=", value: 0, unit: null, text: "确保政府机构失信案件“零增长”" },
            { indicator: "gov_default_open", op: "=", value: 0, unit: null, text: "政府机构失信被执行人案件动态清零" },
          ],
          deadline: "2023-12-31", deadlineKind: "default", deadlineText: null,
        },
        {
          section: "一、重点任务", number: "2", title: "推进信用信息归集",
          text: "推进信用信息归集。双公示数据上报率达到100%,按时报送信用信息。〔责任单位:县发改局〕",
          originalText: "2．推进 信用 信息 归集。双公示数据上报\n率达到１００％，\n按时报送信用信息。〔责任单位：县发改局〕",
          leadUnits: [], units: ["县发改局", TOWNS],
          targets: [{ indicator: "sgs_report_rate", op: ">=", value: 100, unit: "%", text: "双公示数据上报率达到100%" }],
          deadline: "2023-12-31", deadlineKind: "default", deadlineText: null,
        },
        {
          // No unit of its own: the heading's note assigns it.
          section: "一、重点任务", number: "3", title: "开展诚信宣传月活动",
          text: "开展诚信宣传月活动。10月底前完成全县诚信宣传活动,活动场次不少于5场。",
          originalText: "3．开展诚信宣传月活动。10月底前完成全县诚信宣传活动，活动场次不少\n于５场。",
          leadUnits: [], units: [TOWNS],
          targets: [{ indicator: null, op: ">=", value: 5, unit: null, text: "活动场次不少于5场" }],
          deadline: "2023-10-31", deadlineKind: "date", deadlineText: "10月底前",
        },
        {
          section: "一、重点任务", number: "4", title: "规范信用修复",
          text: "规范信用修复。信用修复申请办结时限不超过3个工作日。(县发改局牵头,县市场监管局负责)",
          originalText: "4．规范信用修复。信用修复申请办结时限不超过３个工作日。（县发改局牵头，县市场监管局负责）",
          leadUnits: ["县发改局"], units: ["县市场监管局", TOWNS],
          targets: [{ indicator: null, op: "<=", value: 3, unit: null, text: "信用修复申请办结时限不超过3个工作日" }],
          deadline: "2023-12-31", deadlineKind: "default", deadlineText: null,
        },
      ],
    });
  });

  it("reads the same plan from CRLF line ends and a BOM", () => {
    expect(readWorkPlan(`\ufeff${source.replace(/\n/g, "\r\n")}`)).toEqual(readWorkPlan(source));
  });
});
