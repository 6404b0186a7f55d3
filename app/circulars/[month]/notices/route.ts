import { routeViewer } from "@/lib/auth/route";
import { refusalResponse } from "@/lib/auth/respond";
import { seesWholeCity } from "@/lib/auth/scope";
import { departmentNoticesZip, noticesZipName } from "@/lib/circular/department-notice";
import { isIsoMonth } from "@/lib/dates";
import { zipResponse } from "@/lib/exports";
import { getDepartmentNotices } from "@/lib/queries/department-notices";

/** Every department's 问题清单 for the month in one zip: for the office and 领导 only. */
export async function GET(_request: Request, { params }: { params: Promise<{ month: string }> }) {
  const viewer = await routeViewer();
  if (viewer instanceof Response) return viewer;
  if (!seesWholeCity(viewer)) return refusalResponse(403, viewer.role === "department" ? "部门账号只能下载本部门的问题清单" : "只有信用办和领导可以下载各部门问题清单");
  const { month } = await params;
  if (!isIsoMonth(month)) return refusalResponse(404, "月份格式应为YYYY-MM，如2026-10");
  const all = await getDepartmentNotices(month);
  if (!all) return refusalResponse(404, "该月尚无计算好的指标，无法生成问题清单");
  const zip = await departmentNoticesZip(all);
  if (!zip) return refusalResponse(404, "该月没有需要整改的部门，无问题清单可下载");
  return zipResponse(zip, noticesZipName(month));
}
