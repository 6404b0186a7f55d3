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
  warnings: { kind: Extract<WarningKind, "red" | "yellow">; unitName: string; indicator: string; valueText: string; targetText: string; owners: string[] }[];
  tasks: { number: string; title: string; status: "overdue" | "off_track"; owners: string[]; deadline: string | null }[];
}

export interface CircularSettings {
  documentNumberPrefix: string;
  addressees: string;
  issuer: string;
}

export const DEFAULT_CIRCULAR_SETTINGS: CircularSettings = {
  documentNumberPrefix: "信用办",
  addressees: "各区县人民政府（管委会），市社会信用体系建设领导小组各成员单位：",
  issuer: "社会信用体系建设领导小组办公室",
};
