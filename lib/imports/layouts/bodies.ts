import type { Layout } from "./types";

export const BODIES_LAYOUT: Layout = {
  dataset: "bodies", label: "市场主体名录",
  description: "登记机关的主体名录（企业、个体工商户、机关事业单位、社会组织）：每个主体一行。代码照登记原样导入，错码和重码正是重错码率要统计的。",
  keyFields: ["name", "registeredOn"],
  columns: [
    { field: "code", header: "统一社会信用代码", aliases: ["社会信用代码", "信用代码", "代码"], kind: "code", note: "照登记原样填写；同一代码对应不同名称的主体会被计为重码", example: "91339902MA2XXXXX0X" },
    { field: "name", header: "主体名称", aliases: ["企业名称", "名称", "单位名称", "市场主体名称"], kind: "text", required: true, rejectNote: "无法确定是哪一个主体", example: "示范市某某商贸有限公司" },
    { field: "kind", header: "主体类型", aliases: ["市场主体类型", "类型", "主体类别"], kind: "text", note: "企业、个体工商户、机关事业单位或社会组织；不填时按代码的登记管理部门推定", example: "企业" },
    { field: "district", header: "所属区县", aliases: ["区县", "登记区县", "所在区县"], kind: "text", note: "区县名称或行政区划代码；不填时按代码第3至8位推定", example: "城关区" },
    { field: "town", header: "乡镇街道", aliases: ["乡镇(街道)", "所属乡镇", "街道", "乡镇"], kind: "text", example: "城关街道" },
    { field: "registeredOn", header: "成立日期", aliases: ["登记日期", "注册日期", "设立日期"], kind: "date", required: true, rejectNote: "无法确定成立日期", example: "2019-06-18" },
    { field: "status", header: "登记状态", aliases: ["经营状态", "状态"], kind: "text", note: "存续、在业、注销或吊销", example: "存续" },
    { field: "exitedOn", header: "注销吊销日期", aliases: ["注销日期", "吊销日期", "核准注销日期"], kind: "date", example: "" },
    { field: "stateOwned", header: "是否国有", aliases: ["国有企业", "国有"], kind: "text", note: "是或否", example: "否" },
  ],
};
