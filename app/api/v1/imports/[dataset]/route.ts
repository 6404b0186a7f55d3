import { getDb } from "@/db";
import { refusalResponse, sameOrigin } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { importFile } from "@/lib/imports/import-file";
import { receiveUpload, UploadRefusal } from "@/lib/imports/upload";

/**
 * POST /api/v1/imports/DATASET — a department's system (Authorization: Bearer its token) or the 数据 page
 * sends one file; the answer is the batch's summary as JSON. The office may name the department
 * (?department=ID); a department imports only as itself.
 */
export async function POST(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const viewer = await routeViewer("office", "department");
  if (viewer instanceof Response) return viewer;
  // A browser's session must come from this site's own page; a token is not sent by browsers on their own.
  if (viewer.tokenId === null && !sameOrigin(request)) return refusalResponse(403, "请求来源与本站不一致，已拒绝");
  const { dataset } = await params;
  const url = new URL(request.url);
  const departmentParam = url.searchParams.get("department");
  const departmentId = departmentParam === null || departmentParam === "" ? null : Number(departmentParam);
  if (departmentId !== null && (!Number.isInteger(departmentId) || departmentId <= 0)) {
    return Response.json({ error: "参数 department 应为部门编号（正整数）", batch: null }, { status: 400 });
  }
  let file;
  try {
    file = await receiveUpload(request);
  } catch (error) {
    if (error instanceof UploadRefusal) return Response.json({ error: error.message, batch: null }, { status: error.status });
    throw error;
  }
  try {
    const outcome = await importFile(getDb(), viewer, {
      dataset, departmentId, via: viewer.tokenId === null ? "网页" : "接口",
      file: { path: file.path, fileName: file.fileName, bytes: file.bytes, sheet: url.searchParams.get("sheet") || undefined },
    });
    if (!outcome.ok) return Response.json({ error: outcome.message, fieldErrors: outcome.fieldErrors, batch: outcome.batch }, { status: outcome.status });
    const { read, inserted, updated, unchanged, rejected, problems, batch, months, recomputed } = outcome;
    return Response.json({ read, inserted, updated, unchanged, rejected, problems, batch, months, recomputed }, { headers: { "cache-control": "no-store" } });
  } finally {
    await file.discard();
  }
}
