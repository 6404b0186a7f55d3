import { routeViewer } from "@/lib/auth/route";
import { docxResponse, xlsxResponse } from "@/lib/exports";
import { getIssuedCircularFile } from "@/lib/queries/circulars";

/**
 * Issued circulars download exactly as they were frozen when issued: `docx` is the issued Word copy (the
 * office's uploaded final copy when there is one), `generated` the system-generated Word file, `xlsx` the tables.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { id, kind } = await params;
  if (kind !== "docx" && kind !== "generated" && kind !== "xlsx") return new Response("文件类型应为 docx、generated 或 xlsx", { status: 400 });
  // Ids are positive integers; anything else is a malformed request, not a missing circular.
  if (!/^[1-9]\d{0,15}$/.test(id)) return new Response("通报编号格式有误：应为正整数", { status: 400 });
  const file = await getIssuedCircularFile(Number(id), kind);
  if (!file) return new Response("通报不存在", { status: 404 });
  if (kind === "xlsx") return xlsxResponse(file.file, `${file.title}附表.xlsx`);
  return docxResponse(file.file, kind === "generated" ? `${file.title}（系统生成稿）.docx` : `${file.title}.docx`);
}
