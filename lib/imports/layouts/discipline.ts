import type { Layout } from "./types";

export const BLACKLIST_LAYOUT: Layout = {
  dataset: "blacklist", label: "严重失信主体名单",
  description: "部门认定的严重失信主体名单：每次列入一行；移出时在同一行填上移出日期再导入。",
  keyFields: ["code", "listKind", "listedOn"],
  columns: [
    { field: "code", header: "统一社会信用代码", aliases: ["社会信用代码", "信用代码"], kind: "code", required: true, rejectNote: "无法确定是哪一个主体", example: "91339902MA2XXXXX0X" },
    { field: "name", header: "主体名称", aliases: ["企业名称", "名称", "失信主体名称"], kind: "text", notStored: true, note: "核对用，以代码为准", example: "示范市某某建设有限公司" },
    { field: "listKind", header: "名单名称", aliases: ["名单类别", "名单类型", "黑名单类别"], kind: "text", required: true, rejectNote: "无法确定是哪一个名单", example: "重大税收违法失信主体" },
    { field: "reason", header: "列入原因", aliases: ["失信行为", "认定事由", "列入事由"], kind: "text", example: "虚开增值税专用发票" },
    { field: "listedOn", header: "列入日期", aliases: ["认定日期", "列入时间"], kind: "date", required: true, rejectNote: "无法确定列入日期", example: "2026-05-20" },
    { field: "removedOn", header: "移出日期", aliases: ["移出时间", "信用修复日期"], kind: "date", note: "仍在名单上的留空", example: "" },
  ],
};

export const GOV_DEFAULT_LAYOUT: Layout = {
  dataset: "gov-default", label: "政府机构失信被执行人案件",
  description: "法院提供的以政府机关、事业单位或国有企业为失信被执行人的案件：每案一行，结案后填上结案日期再导入。",
  keyFields: ["caseNumber", "court", "debtorName", "openedOn"],
  columns: [
    { field: "caseNumber", header: "案号", aliases: ["执行案号"], kind: "text", required: true, rejectNote: "无法确定是哪一个案件", example: "（2026）示0102执123号" },
    { field: "court", header: "执行法院", aliases: ["法院", "承办法院"], kind: "text", required: true, rejectNote: "无法确定执行法院", example: "城关区人民法院" },
    { field: "debtorName", header: "被执行人名称", aliases: ["被执行人", "失信被执行人"], kind: "text", required: true, rejectNote: "无法确定被执行人", example: "示范市某某局" },
    { field: "debtorKind", header: "被执行人类型", aliases: ["主体类型", "单位性质"], kind: "text", required: true, note: "政府机关、事业单位或国有企业", example: "政府机关" },
    { field: "debtorCode", header: "统一社会信用代码", aliases: ["被执行人统一社会信用代码", "组织机构代码"], kind: "code", example: "11339902MB0000000X" },
    { field: "district", header: "所属区县", aliases: ["区县", "所在区县"], kind: "text", note: "区县名称或行政区划代码；不填时按代码、法院推定", example: "城关区" },
    { field: "amountWan", header: "执行标的(万元)", aliases: ["执行标的", "标的金额", "涉案金额"], kind: "amountWan", example: "120" },
    { field: "openedOn", header: "立案日期", aliases: ["立案时间"], kind: "date", required: true, rejectNote: "无法确定立案日期", example: "2026-06-01" },
    { field: "closedOn", header: "结案日期", aliases: ["结案时间", "履行日期"], kind: "date", note: "未结案的留空", example: "" },
  ],
};
