import { getDb } from "@/db";
import { refusalResponse } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { readAttachment } from "@/lib/supervision/attachments";
import { getItem } from "@/lib/supervision/queries";

/** An attachment of a 督办 item, for whoever may see the item; always downloaded, never shown inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  const { id, attachmentId } = await params;
  if (!/^\d{1,12}$/.test(id) || !/^\d{1,12}$/.test(attachmentId)) return refusalResponse(400, "编号应为数字");
  const db = getDb();
  // Only whether the viewer may see the item: its records are not judged.
  const found = await getItem(db, viewer, Number(id), await loadWorkCalendar(db), todayInChina(), null);
  if (found === null) return refusalResponse(404, "没有这个督办事项");
  if (found === "forbidden") return refusalResponse(403, "只能下载交给本单位的督办事项的附件");
  const file = await readAttachment(db, Number(id), Number(attachmentId));
  if (!file) return refusalResponse(404, "没有这个附件");
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes),
      "Content-Disposition": `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
