import type { Layout } from "./layouts/types";
import { NATIONAL_RANK_LAYOUT, TAX_RATINGS_LAYOUT, XYD_ENROLMENTS_LAYOUT, XYD_LOANS_LAYOUT } from "./layouts/city";
import { BODIES_LAYOUT } from "./layouts/bodies";
import { INDICATOR_VALUES_LAYOUT } from "./layouts/indicator-values";
import { BLACKLIST_LAYOUT, GOV_DEFAULT_LAYOUT } from "./layouts/discipline";
import { SGS_MONTHLY_LAYOUT } from "./layouts/sgs-monthly";
import { SGS_LICENSE_LAYOUT, SGS_PENALTY_LAYOUT } from "./layouts/sgs";

/** Every dataset the command line and the API name (issue 12); those with a layout can be imported now. */
export const DATASET_NAMES = ["bodies", "sgs-license", "sgs-penalty", "sgs-monthly", "xyd-enrolments", "xyd-loans", "tax-ratings", "blacklist", "gov-default", "national-rank", "indicator-values"] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export const DATASET_LABELS: Record<DatasetName, string> = {
  "bodies": "市场主体名录", "sgs-license": "双公示·行政许可", "sgs-penalty": "双公示·行政处罚", "sgs-monthly": "双公示月度情况表",
  "xyd-enrolments": "信易贷·入驻企业", "xyd-loans": "信易贷·放款", "tax-ratings": "纳税信用等级", "blacklist": "严重失信主体名单",
  "gov-default": "政府机构失信被执行人案件", "national-rank": "全国城市信用监测排名", "indicator-values": "人工填报指标数值",
};

export const LAYOUTS: Partial<Record<DatasetName, Layout>> = {
  "bodies": BODIES_LAYOUT,
  "sgs-license": SGS_LICENSE_LAYOUT,
  "sgs-penalty": SGS_PENALTY_LAYOUT,
  "sgs-monthly": SGS_MONTHLY_LAYOUT,
  "tax-ratings": TAX_RATINGS_LAYOUT,
  "xyd-enrolments": XYD_ENROLMENTS_LAYOUT,
  "xyd-loans": XYD_LOANS_LAYOUT,
  "national-rank": NATIONAL_RANK_LAYOUT,
  "indicator-values": INDICATOR_VALUES_LAYOUT,
  "blacklist": BLACKLIST_LAYOUT,
  "gov-default": GOV_DEFAULT_LAYOUT,
};

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name);
}

/** The reason a named dataset cannot be imported, or null when it can. */
export function datasetRefusal(name: string): string | null {
  if (!isDatasetName(name)) return `没有名为“${name.slice(0, 40)}”的数据集。可导入：${importableDatasets().map((d) => `${d}（${DATASET_LABELS[d]}）`).join("、")}`;
  if (!LAYOUTS[name]) return `“${DATASET_LABELS[name]}”（${name}）暂不能从文件导入；目前可导入：${importableDatasets().map((d) => DATASET_LABELS[d]).join("、")}`;
  return null;
}

export function importableDatasets(): DatasetName[] {
  return DATASET_NAMES.filter((d) => LAYOUTS[d]);
}
