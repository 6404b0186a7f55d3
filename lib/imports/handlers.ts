import type { DatasetHandler } from "./batch";
import type { DatasetName } from "./datasets";
import { bodiesHandler } from "./bodies";
import { blacklistHandler, govDefaultHandler } from "./discipline";
import { taxRatingsHandler, xydEnrolmentsHandler, xydLoansHandler } from "./finance";
import { indicatorValuesHandler } from "./indicator-values";
import { nationalRankHandler } from "./national-rank";
import { sgsMonthlyHandler } from "./sgs-monthly";
import { sgsHandler } from "./sgs/store";

/** How each importable dataset's rows are stored; a new handler for every batch (they keep per-batch lookups). */
export const HANDLERS: Partial<Record<DatasetName, () => DatasetHandler>> = {
  "sgs-license": () => sgsHandler("license"),
  "sgs-penalty": () => sgsHandler("penalty"),
  "sgs-monthly": sgsMonthlyHandler,
  "tax-ratings": taxRatingsHandler,
  "xyd-enrolments": xydEnrolmentsHandler,
  "xyd-loans": xydLoansHandler,
  "national-rank": nationalRankHandler,
  "indicator-values": indicatorValuesHandler,
  "bodies": bodiesHandler,
  "blacklist": blacklistHandler,
  "gov-default": govDefaultHandler,
};
