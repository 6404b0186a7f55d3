import type { Layout } from "./types";

// The values of the office's entered indicators (信用承诺覆盖率, 典型案例报送数 …) as a file, the same figures the
// indicator's 填报 page takes: one row per indicator, unit and month.
export const INDICATOR_VALUES_LAYOUT: Layout = {
  dataset: "indicator-values", label: "人工填报指标数值", officeOnly: true,
  description: "信用办新增的人工填报指标（无法由记录计算的指标）各单位每月的数值：每个指标、单位、月份一行，由信用办导入；与在指标目录中逐月填报相同，导入后该月重新计算。",
  keyFields: ["indicator", "unit", "month", "value"],
  columns: [
    { field: "indicator", header: "指标", aliases: ["指标名称", "指标代码", "指标项"], kind: "text", required: true, rejectNote: "无法确定是哪个指标", note: "指标目录中的名称或代码；只能是人工填报的指标", example: "信用承诺覆盖率" },
    { field: "unit", header: "单位", aliases: ["区县", "地区", "单位名称", "行政区划代码", "区划代码"], kind: "text", required: true, rejectNote: "无法确定是哪个单位", note: "市、区县、功能区或乡镇街道的名称，或行政区划代码；写“全市”即本市", example: "示范高新区" },
    { field: "month", header: "月份", aliases: ["统计月份", "所属月份", "填报月份"], kind: "month", required: true, rejectNote: "无法确定月份", note: "YYYY-MM 或 2026年10月；Excel 存成日期的（当月1日）亦可", example: "2026-10" },
    { field: "value", header: "数值", aliases: ["值", "填报值", "完成值", "指标值"], kind: "text", required: true,
      rejectNote: "文件中的空值不会清除已填报的数值；要撤回某单位的数值，请在“设置 / 指标目录”的填报页面清空该格",
      note: "数字；百分比可带 %，个数应为整数，不能为负", example: "96.35" },
    { field: "remark", header: "备注", aliases: ["说明"], kind: "text", notStored: true, note: "不导入", example: "" },
  ],
};
