import "server-only";
import type { Role } from "@/db/schema";
import { getViewer } from "./request";
import { refusalResponse } from "./respond";
import type { Viewer } from "./viewer";

/**
 * For route handlers (downloads, the API): the viewer, or the refusal to return. Usage:
 * `const viewer = await routeViewer(); if (viewer instanceof Response) return viewer;`
 */
export async function routeViewer(...roles: Role[]): Promise<Viewer | Response> {
  const viewer = await getViewer();
  if (!viewer) return refusalResponse(401, "请先登录（或在 Authorization 头中提供有效的接口令牌）");
  if (roles.length > 0 && !roles.includes(viewer.role)) return refusalResponse(403, "您的账号无权进行此操作");
  return viewer;
}
