import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "./read";

const source = readFileSync(new URL("./__fixtures__/traditional.txt", import.meta.url), "utf8");
const lines = source.split("\n");
const original = (start: string) => lines.find((l) => l.startsWith(start))!;

describe("fixture: traditional characters, full-width punctuation, (…负责) and (…牵头,…负责)", () => {
  it("reads the whole plan exactly", () => {
    expect(readWorkPlan(source)).toEqual({
      year: 2024,
      yearSource: "title",
      title: "某市2024年社会信用体系建设工作计划",
      notes: [],
      provisions: [
        { section: "", number: "一", title: "工作原则" },
        { section: "三、保障措施", number: "(一)", title: "加强组织领导" },
        { section: "三、保障措施", number: "(二)", title: "强化督促考核" },
      ],
      tasks: [
        {
          section: "(一)夯实信用基础", number: "1", title: "提升统一社会信用代码质量",
          text: "提升统一社会信用代码质量。重错码率控制在万分之0.5以内,6月30日前完成存量代码核查。(市市场监管局负责)",
          originalText: original("1、"),
          leadUnits: [], units: ["市市场监管局"],
          targets: [{ indicator: "uscc_error_rate", op: "<=", value: 0.5, unit: "‱", text: "重错码率控制在万分之0.5以内" }],
          deadline: "2024-06-30", deadlineKind: "date", deadlineText: "6月30日前",
        },
        {
          section: "(一)夯实信用基础", number: "2", title: "推进“双公示”数据报送",
          text: "推进“双公示”数据报送。双公示上报率不低于99%,及时率达到100%。(市发展改革委牵头,市司法局、市市场监管局负责)",
          originalText: original("2、"),
          leadUnits: ["市发展改革委"], units: ["市司法局", "市市场监管局"],
          targets: [
            { indicator: "sgs_report_rate", op: ">=", value: 99, unit: "%", text: "双公示上报率不低于99%" },
            { indicator: "sgs_timeliness_rate", op: ">=", value: 100, unit: "%", text: "及时率达到100%" },
          ],
          deadline: "2024-12-31", deadlineKind: "default", deadlineText: null,
        },
        {
          section: "(一)夯实信用基础", number: "3", title: "健全政务诚信机制",
          text: "健全政务诚信机制。确保政府机构失信被执行人案件动态清零。(市法院牵头,市财政局和市国资委配合)",
          originalText: original("3、"),
          leadUnits: ["市法院"], units: ["市财政局", "市国资委"],
          targets: [{ indicator: "gov_default_open", op: "=", value: 0, unit: null, text: "确保政府机构失信被执行人案件动态清零" }],
          deadline: "2024-12-31", deadlineKind: "default", deadlineText: null,
        },
        {
          section: "(二)推进信用惠企", number: "4", title: "扩大“信易贷”平台覆盖面",
          text: "扩大“信易贷”平台覆盖面。年底前入驻企业占存续企业比重达到30%以上,获贷企业数量不少于500家。(市金融局、市人民银行按职责分工负责)",
          originalText: original("4、"),
          leadUnits: [], units: ["市金融局", "市人民银行"],
          targets: [
            { indicator: "xyd_enrolled_ratio", op: ">=", value: 30, unit: "%", text: "年底前入驻企业占存续企业比重达到30%以上" },
            // A count of firms is not the 获贷企业占比 ratio.
            { indicator: null, op: ">=", value: 500, unit: "家", text: "获贷企业数量不少于500家" },
          ],
          deadline: "2024-12-31", deadlineKind: "date", deadlineText: "年底前",
        },
        {
          section: "(二)推进信用惠企", number: "5", title: "加强诚信宣传教育",
          text: "加强诚信宣传教育。每季度举办诚信主题活动不少于2次。(市委宣传部、市文明办牵头,各区县政府负责;市教育局配合)",
          originalText: original("5、"),
          leadUnits: ["市委宣传部", "市文明办"], units: ["各区县政府", "市教育局"],
          targets: [{ indicator: null, op: ">=", value: 2, unit: "次", text: "每季度举办诚信主题活动不少于2次" }],
          // 每季度: a recurring duty, dated the year's end but never late by it.
          deadline: "2024-12-31", deadlineKind: "recurring", deadlineText: "每季度",
        },
      ],
    });
  });

  it("keeps the traditional original of each task", () => {
    expect(readWorkPlan(source).tasks[0]!.originalText).toContain("統一社會信用代碼");
  });
});
