import { routeViewer } from "@/lib/auth/route";
import { refusalResponse } from "@/lib/auth/respond";
import { canSeeDepartment } from "@/lib/auth/scope";
import { departmentNoticeFile } from "@/lib/circular/department-notice";
import { isIsoMonth } from "@/lib/dates";
import { docxResponse } from "@/lib/exports";
import { getDepartmentNotice } from "@/lib/queries/department-notices";

/** One department's 问题清单 for the month: the office and 领导 any department's, a 部门 only its own. */
export async function GET(_request: Request, { params }: { params: Promise<{ month: string; departmentId: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  if (viewer.role === "district") return refusalResponse(403, "问题清单发给各责任部门，区县账号不能下载；本区县的问题请在区县页面查看");
  const { month, departmentId } = await params;
  const id = /^[1-9]\d{0,15}$/.test(departmentId) ? Number(departmentId) : 0;
  // Another department's list is refused before it is looked up: a 部门 cannot probe which ids exist.
  if (id > 0 && !canSeeDepartment(viewer, id)) return refusalResponse(403, "只能下载本部门的问题清单");
  if (id === 0) return refusalResponse(404, "没有这个部门");
  if (!isIsoMonth(month)) return refusalResponse(404, "月份格式应为YYYY-MM，如2026-10");
  const facts = await getDepartmentNotice(month, id);
  if (facts === "month") return refusalResponse(404, "该月尚无计算好的指标，无法生成问题清单");
  if (facts === "department") return refusalResponse(404, "没有这个部门");
  const file = await departmentNoticeFile(facts);
  return docxResponse(file.docx, file.name);
}
