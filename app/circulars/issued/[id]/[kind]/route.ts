import { docxResponse, xlsxResponse } from "@/lib/exports";
import { getIssuedCircularFile } from "@/lib/queries/circulars";

/** Issued circulars download exactly as they were frozen when issued. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) {
  const { id, kind } = await params;
  if (kind !== "docx" && kind !== "xlsx") return new Response("文件类型应为 docx 或 xlsx", { status: 400 });
  const file = await getIssuedCircularFile(Number(id), kind);
  if (!file) return new Response("通报不存在", { status: 404 });
  const buffer = Buffer.from(file.file);
  return kind === "docx" ? docxResponse(buffer, `${file.title}.docx`) : xlsxResponse(buffer, `${file.title}附表.xlsx`);
}
