import { getDb } from "@/db";
import { refusalResponse } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { contentDisposition, xlsxResponse } from "@/lib/exports";
import { CSV_CONTENT_TYPE, csvFile, rejectedRows, rejectedXlsx } from "@/lib/imports/files";
import { batchHeader, batchRows, getBatch } from "@/lib/imports/history";

/** A batch's rejected rows in the layout they came in, with the reason, to fix and send again. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) return refusalResponse(400, "批次编号应为数字");
  const batch = await getBatch(getDb(), viewer, Number(id));
  if (batch === null) return refusalResponse(404, "没有这个导入批次");
  if (batch === "forbidden") return refusalResponse(403, "只能下载本部门的导入记录");
  const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") return refusalResponse(400, "format 应为 xlsx 或 csv");
  const rows = await batchRows(getDb(), batch.id, "rejected");
  const name = `导入批次${batch.id}-拒收的行`;
  if (format === "xlsx") return xlsxResponse(await rejectedXlsx(batchHeader(batch), rows, name), `${name}.xlsx`);
  const body = csvFile(rejectedRows(batchHeader(batch), rows));
  return new Response(new Uint8Array(body), { headers: { "content-type": CSV_CONTENT_TYPE, "content-disposition": contentDisposition(`${name}.csv`, "csv"), "cache-control": "no-store" } });
}
