import { getDb } from "@/db";
import { AUDIT_EXPORT_LIMIT, auditRows, countAudit, describeAuditFilters, parseAuditFilters } from "@/lib/audit/query";
import { auditWorkbook } from "@/lib/audit/workbook";
import { routeViewer } from "@/lib/auth/route";
import { todayInChina } from "@/lib/dates";
import { xlsxResponse } from "@/lib/exports";

/** The audit log under the page's filters as Excel, newest first, at most 50,000 rows. */
export async function GET(request: Request) {
  const viewer = await routeViewer("office");
  if (viewer instanceof Response) return viewer;
  const { filters, problems } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const [total, rows, described] = await Promise.all([
    countAudit(db, filters), auditRows(db, filters, { limit: AUDIT_EXPORT_LIMIT }), describeAuditFilters(db, filters),
  ]);
  const parts = [`导出日期：${todayInChina()}`, "时间为北京时间", described, `共${total}条`];
  if (total > rows.length) parts.push(`只导出最新的${rows.length}条`);
  parts.push(...problems);
  return xlsxResponse(await auditWorkbook(rows, parts.join("；")), `操作日志${todayInChina()}.xlsx`);
}
