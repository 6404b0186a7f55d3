import type { WarningKind } from "@/db/schema";
import type { IsoMonth } from "@/lib/dates";

/** The numbers a circular is written from; assembled from the store by `loadCircularFacts`. */
export interface CircularFacts {
  month: IsoMonth;
  cityName: string;
  composite: { score: number | null; previous: number | null };
  nationalRank: { rank: number | null; previous: number | null; total: number | null };
  indicators: { name: string; valueText: string; targetText: string; met: boolean | null }[];
  /** Best first. */
  districts: {
    name: string; score: number | null; rank: number | null; rankChange: number | null;
    weakest: { indicator: string; valueText: string }[];
  }[];
  warnings: CircularWarning[];
  /** Last month's red and yellow warnings, to name what has been put right. */
  previousWarnings: Pick<CircularWarning, "kind" | "unitName" | "level" | "indicator">[];
  tasks: { number: string; title: string; status: "overdue" | "off_track"; owners: string[]; deadline: string | null }[];
  /** The city's composite over the last twelve months, oldest first, for the trend chart. */
  trend: { month: string; score: number | null }[];
  sgs: SgsFacts;
  supervision: SupervisionFacts;
}

export interface CircularWarning {
  kind: Extract<WarningKind, "red" | "yellow">;
  unitName: string;
  level: "city" | "district" | "town";
  indicator: string;
  valueText: string;
  targetText: string;
  owners: string[];
}

/** 双公示 of the month's decisions, per district and per department, 许可 and 处罚 apart, as provincial circulars report it. */
export interface SgsRow { name: string; reported: number; compliant: number; late: number }
export interface SgsFacts { byDistrict: { license: SgsRow[]; penalty: SgsRow[] }; byDepartment: { license: SgsRow[]; penalty: SgsRow[] } }

/** 督办 items as they stand when the circular is written. */
export interface SupervisionFacts {
  openedThisMonth: number;
  open: number;
  closed: number;
  overdue: { label: string; departments: string[]; deadline: string }[];
  verdicts: { effective: number; partial: number; none: number };
}

export interface CircularSettings {
  documentNumberPrefix: string;
  addressees: string;
  issuer: string;
  /** 版记的抄送机关; empty for none. */
  copyTo: string;
}

export const DEFAULT_CIRCULAR_SETTINGS: CircularSettings = {
  documentNumberPrefix: "信用办",
  addressees: "各区县人民政府（管委会），市社会信用体系建设领导小组各成员单位：",
  issuer: "社会信用体系建设领导小组办公室",
  copyTo: "市社会信用体系建设领导小组组长、副组长",
};
