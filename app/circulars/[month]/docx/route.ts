import { routeViewer } from "@/lib/auth/route";
import { isIsoMonth } from "@/lib/dates";
import { docxResponse } from "@/lib/exports";
import { getDraftCircularFile } from "@/lib/queries/circulars";

export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { month } = await params;
  if (!isIsoMonth(month)) return new Response("月份格式应为YYYY-MM", { status: 400 });
  const draft = await getDraftCircularFile(month, "docx");
  if (!draft) return new Response("该月尚无计算好的指标", { status: 404 });
  return docxResponse(draft.file, `${draft.title}（草稿）.docx`);
}
