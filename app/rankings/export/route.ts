import { routeViewer } from "@/lib/auth/route";
import { rankingSheet } from "@/lib/dashboard/ranking-export";
import { parseViewParams } from "@/lib/dashboard/params";
import { buildWorkbook, xlsxResponse } from "@/lib/exports";
import { formatMonthZh } from "@/lib/dates";
import { getComputedMonths } from "@/lib/queries/months";
import { getRankingTable } from "@/lib/queries/rankings";

export async function GET(request: Request) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const months = await getComputedMonths();
  if (months.length === 0) return new Response("尚无指标数据", { status: 404 });
  const view = parseViewParams(Object.fromEntries(new URL(request.url).searchParams), months);
  const table = await getRankingTable(view.month, view.level);
  const buffer = await buildWorkbook([rankingSheet(table)], { title: "信用监测排名" });
  return xlsxResponse(buffer, `${formatMonthZh(view.month)}${view.level === "town" ? "镇街" : "区县"}排名.xlsx`);
}
