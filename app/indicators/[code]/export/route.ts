import { routeViewer } from "@/lib/auth/route";
import { parseDrilldownParams } from "@/lib/dashboard/drilldown-params";
import { parseViewParams } from "@/lib/dashboard/params";
import { formatMonthZh } from "@/lib/dates";
import { buildWorkbook, drilldownSheet, xlsxResponse } from "@/lib/exports";
import { getDrilldown } from "@/lib/queries/drilldown";
import { getComputedMonths } from "@/lib/queries/months";
import { getCity } from "@/lib/queries/city";

// One spreadsheet holds at most this many records; beyond it, narrow the search.
const EXPORT_LIMIT = 50_000;

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { code } = await params;
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const months = await getComputedMonths();
  if (months.length === 0) return new Response("尚无指标数据", { status: 404 });
  const view = parseViewParams(raw, months);
  const city = await getCity();
  const drill = parseDrilldownParams(raw, viewer.districtId ?? city?.id ?? 0);
  const data = await getDrilldown(viewer, { indicatorCode: code, orgUnitId: drill.unit, month: view.month, search: drill.q, page: 1, pageSize: EXPORT_LIMIT });
  if (!data) return new Response("指标或单位不存在", { status: 404 });
  if (data === "forbidden") return new Response("区县账号只能导出本区县及所辖镇街的明细", { status: 403 });
  const buffer = await buildWorkbook([drilldownSheet(data, `${formatMonthZh(view.month)}${data.title}`)]);
  return xlsxResponse(buffer, `${formatMonthZh(view.month)}${data.title}.xlsx`);
}
