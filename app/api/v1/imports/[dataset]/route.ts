import { getDb } from "@/db";
import { sameOrigin } from "@/lib/auth/respond";
import { routeViewer } from "@/lib/auth/route";
import { applySecurityHeaders } from "@/lib/auth/security-headers";
import { importFile } from "@/lib/imports/import-file";
import { receiveUpload, UploadRefusal } from "@/lib/imports/upload";

// This route is outside the proxy (proxy.ts): it sets the security headers on every answer itself.
function answer(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  const response = Response.json(body, { status, headers: { "cache-control": "no-store", ...extra } });
  applySecurityHeaders(response.headers, null);
  return response;
}

function refused(response: Response): Response {
  const secured = new Response(response.body, response);
  applySecurityHeaders(secured.headers, null);
  return secured;
}

/**
 * POST /api/v1/imports/DATASET — a department's system (Authorization: Bearer its token) or the 数据 page
 * sends one file; the answer is the batch's summary as JSON. The office may name the department
 * (?department=ID); a department imports only as itself.
 */
export async function POST(request: Request, { params }: { params: Promise<{ dataset: string }> }) {
  const viewer = await routeViewer("office", "department");
  if (viewer instanceof Response) return refused(viewer);
  // A browser's session must come from this site's own page; a token is not sent by browsers on their own.
  if (viewer.tokenId === null && !sameOrigin(request)) return answer({ error: "请求来源与本站不一致，已拒绝", batch: null }, 403);
  const { dataset } = await params;
  const url = new URL(request.url);
  const departmentParam = url.searchParams.get("department");
  if (departmentParam !== null && departmentParam !== "" && !/^[1-9]\d{0,9}$/.test(departmentParam)) {
    return answer({ error: "参数 department 应为部门编号（正整数）", batch: null }, 400);
  }
  const sheet = url.searchParams.get("sheet") || undefined;
  if (sheet && sheet.length > 100) return answer({ error: "参数 sheet（工作表名称）不超过100个字", batch: null }, 400);
  let file;
  try {
    file = await receiveUpload(request);
  } catch (error) {
    if (error instanceof UploadRefusal) return answer({ error: error.message, batch: null }, error.status);
    throw error;
  }
  try {
    const outcome = await importFile(getDb(), viewer, {
      dataset, departmentId: departmentParam ? Number(departmentParam) : null, via: viewer.tokenId === null ? "网页" : "接口",
      file: { path: file.path, fileName: file.fileName, bytes: file.bytes, sheet },
    });
    if (!outcome.ok) return answer({ error: outcome.message, fieldErrors: outcome.fieldErrors, batch: outcome.batch }, outcome.status);
    const { read, inserted, updated, unchanged, rejected, problems, batch, months, recomputed } = outcome;
    return answer({ read, inserted, updated, unchanged, rejected, problems, batch, months, recomputed });
  } finally {
    await file.discard();
  }
}

const onlyPost = () => answer({ error: "请用 POST 上传文件", batch: null }, 405, { allow: "POST" });
export { onlyPost as GET, onlyPost as PUT, onlyPost as DELETE, onlyPost as PATCH };
