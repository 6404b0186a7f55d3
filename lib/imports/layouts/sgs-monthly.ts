import type { Layout } from "./types";

export const SGS_MONTHLY_LAYOUT: Layout = {
  dataset: "sgs-monthly", label: "双公示月度情况表",
  description: "部门每月10日前报送的双公示情况表：每月、每个区县（不填为全市）、许可和处罚各一行。也可在“数据”页面直接填报。",
  keyFields: ["month", "kind", "decisions"],
  columns: [
    { field: "month", header: "月份", aliases: ["统计月份", "所属月份"], kind: "month", required: true, rejectNote: "无法确定月份", example: "2026-10" },
    { field: "district", header: "区县", aliases: ["所属区县", "区县名称"], kind: "text", note: "区县名称或行政区划代码；不填为全市", example: "" },
    { field: "kind", header: "类别", aliases: ["决定类别", "许可或处罚"], kind: "text", required: true, rejectNote: "无法确定是许可还是处罚", note: "行政许可或行政处罚", example: "行政处罚" },
    { field: "decisions", header: "作出决定数", aliases: ["决定数", "办结数", "作出决定件数"], kind: "integer", required: true, rejectNote: "无法确定作出决定数", example: "120" },
    { field: "publishedOwnSite", header: "本单位网站公示数", aliases: ["网站公示数", "公示数"], kind: "integer", example: "120" },
    { field: "reported", header: "已上报数", aliases: ["上报数", "报送数"], kind: "integer", example: "118" },
    { field: "notReported", header: "未上报数", aliases: ["未报送数"], kind: "integer", example: "2" },
    { field: "notReportedGrounds", header: "未上报的法定依据", aliases: ["未上报原因", "不予公示依据", "未上报依据"], kind: "text", note: "有未上报的记录时必填", example: "涉及国家秘密，依据《保守国家秘密法》第九条不予公示" },
  ],
};
