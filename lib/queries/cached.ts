import "server-only";
import { getCityDashboard } from "./city";
import { getCityMap } from "./city-map";
import { getDistrictDetail } from "./district";
import { getIndicatorDetail } from "./indicator";
import { getComputedMonths } from "./months";
import { getDistrictOverview } from "./overview";
import { getRankingTable } from "./rankings";
import { getUnitScores } from "./scores";
import { getWarnings } from "./warnings";
import { cachedRead } from "./read-cache";

/** The monitoring reads the pages make, memoised until the next computation (see read-cache). */
export const cached = {
  months: cachedRead("months", () => getComputedMonths()),
  cityDashboard: cachedRead("cityDashboard", (month: string) => getCityDashboard(month)),
  cityMap: cachedRead("cityMap", () => getCityMap()),
  townMap: cachedRead("townMap", () => getCityMap(undefined, "town")),
  unitScores: cachedRead("unitScores", (month: string, level: string) => getUnitScores(month, level)),
  warnings: cachedRead("warnings", (month: string, options: Parameters<typeof getWarnings>[1]) => getWarnings(month, options)),
  districtOverview: cachedRead("districtOverview", (month: string) => getDistrictOverview(month)),
  rankingTable: cachedRead("rankingTable", (month: string, level: string) => getRankingTable(month, level)),
  indicatorDetail: cachedRead("indicatorDetail", (code: string, month: string, level: string) => getIndicatorDetail(code, month, level)),
  districtDetail: cachedRead("districtDetail", (code: string, month: string) => getDistrictDetail(code, month)),
};
