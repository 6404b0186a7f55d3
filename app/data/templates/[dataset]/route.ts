import { refusalResponse } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { contentDisposition, xlsxResponse } from "@/lib/exports";
import { datasetRefusal, LAYOUTS } from "@/lib/imports/datasets";
import { CSV_CONTENT_TYPE, templateCsv, templateXlsx } from "@/lib/imports/files";

/** The template of a dataset's layout, with an example row (xlsx also explains every column). */
export async function GET(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { dataset } = await params;
  const refusal = datasetRefusal(dataset);
  if (refusal) return refusalResponse(404, refusal);
  const layout = LAYOUTS[dataset as keyof typeof LAYOUTS]!;
  const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
  const name = `${layout.label}导入模板`;
  if (format === "xlsx") return xlsxResponse(await templateXlsx(layout), `${name}.xlsx`);
  if (format !== "csv") return refusalResponse(400, "format 应为 xlsx 或 csv");
  return new Response(new Uint8Array(templateCsv(layout)), { headers: { "content-type": CSV_CONTENT_TYPE, "content-disposition": contentDisposition(`${name}.csv`, "csv"), "cache-control": "no-store" } });
}
