import type { ColumnSpec, Layout } from "./types";

// Datasets keyed by a registered body's code: the tax bureau's ratings, the 信易贷 platform's enrolments and
// loans. Their rows name the body by its 统一社会信用代码 (the tax bureau's 纳税人识别号 is the same code).
const body = (note?: string): ColumnSpec[] => [
  { field: "code", header: "统一社会信用代码", aliases: ["纳税人识别号", "社会信用代码", "企业统一社会信用代码", "信用代码"], kind: "code", required: true, rejectNote: "无法确定是哪一个主体", note, example: "91339902MA2XXXXX0X" },
  { field: "name", header: "企业名称", aliases: ["纳税人名称", "主体名称", "名称", "单位名称"], kind: "text", notStored: true, note: "核对用，以代码为准", example: "示范市某某商贸有限公司" },
];

export const TAX_RATINGS_LAYOUT: Layout = {
  dataset: "tax-ratings", label: "纳税信用等级",
  description: "税务部门公布的纳税信用评价结果：每个纳税人每个评价年度一行。",
  keyFields: ["code", "ratingYear", "grade"],
  columns: [
    ...body(),
    { field: "ratingYear", header: "评价年度", aliases: ["年度", "评价年份"], kind: "integer", required: true, rejectNote: "无法确定评价年度", example: "2025" },
    { field: "grade", header: "信用级别", aliases: ["纳税信用级别", "评价结果", "信用等级", "级别"], kind: "text", required: true, rejectNote: "无法确定信用级别", note: "A、B、M、C 或 D", example: "A" },
    { field: "publishedOn", header: "发布日期", aliases: ["公布日期", "评价日期"], kind: "date", note: "不填时为评价年度次年的4月1日", example: "2026-04-01" },
  ],
};

export const XYD_ENROLMENTS_LAYOUT: Layout = {
  dataset: "xyd-enrolments", label: "信易贷·入驻企业",
  description: "信易贷平台上本市企业的入驻和实名认证：每个企业一行。",
  keyFields: ["code", "enrolledOn"],
  columns: [
    ...body(),
    { field: "enrolledOn", header: "注册日期", aliases: ["入驻日期", "注册时间"], kind: "date", required: true, rejectNote: "无法确定入驻日期", example: "2026-03-15" },
    { field: "verifiedOn", header: "认证日期", aliases: ["实名认证日期", "认证时间"], kind: "date", note: "未认证的留空", example: "2026-03-20" },
  ],
};

export const XYD_LOANS_LAYOUT: Layout = {
  dataset: "xyd-loans", label: "信易贷·放款",
  description: "通过信易贷平台发放的贷款：每笔一行。同一企业同日同一机构同金额的放款视为同一笔。",
  keyFields: ["code", "grantedOn", "amountWan"],
  columns: [
    ...body(),
    { field: "grantedOn", header: "放款日期", aliases: ["放款时间", "发放日期"], kind: "date", required: true, rejectNote: "无法确定放款日期", example: "2026-10-12" },
    { field: "amountWan", header: "放款金额(万元)", aliases: ["放款金额", "贷款金额(万元)", "贷款金额"], kind: "amountWan", required: true, rejectNote: "无法确定放款金额", note: "单位万元", example: "100" },
    { field: "lender", header: "放款机构", aliases: ["金融机构", "贷款机构", "银行"], kind: "text", example: "示范市农商银行" },
  ],
};

export const NATIONAL_RANK_LAYOUT: Layout = {
  dataset: "national-rank", label: "全国城市信用监测排名", officeOnly: true,
  description: "国家城市信用状况监测每月公布的本市排名：每月一行，由信用办导入。",
  keyFields: ["month", "rank", "totalCities"],
  columns: [
    { field: "month", header: "月份", aliases: ["监测月份", "期数"], kind: "month", required: true, rejectNote: "无法确定月份", note: "YYYY-MM 或 2026年10月", example: "2026-10" },
    { field: "rank", header: "排名", aliases: ["全国排名", "名次"], kind: "integer", required: true, rejectNote: "无法确定排名", example: "101" },
    { field: "totalCities", header: "城市总数", aliases: ["参评城市数", "监测城市数", "城市数"], kind: "integer", required: true, rejectNote: "无法确定城市总数", example: "261" },
    { field: "score", header: "综合得分", aliases: ["得分", "信用指数"], kind: "number", note: "可不填", example: "85.6" },
  ],
};
