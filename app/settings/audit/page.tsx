import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilterForm } from "@/components/settings/audit-filter-form";
import { AuditTable } from "@/components/settings/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db";
import { auditFilterOptions, auditPage, auditSearchParams, AUDIT_EXPORT_LIMIT, parseAuditFilters } from "@/lib/audit/query";
import { requireRole } from "@/lib/auth/request";

export const metadata: Metadata = { title: "操作日志" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requireRole("office");
  const { filters, problems } = parseAuditFilters(await searchParams);
  const db = getDb();
  const [page, options] = await Promise.all([auditPage(db, filters), auditFilterOptions(db)]);
  const link = (n: number) => `/settings/audit?${auditSearchParams(filters, n)}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
          <h1 className="text-xl font-semibold">操作日志</h1>
          <p className="mt-1 text-sm text-slate-500">每一次登录和修改，最新的在前；时间为北京时间。</p>
        </div>
        {page.total > 0 && (
          <a href={`/settings/audit/export?${auditSearchParams(filters)}`} className="rounded-md border border-blue-700 px-3 py-1.5 text-sm text-blue-800" download>
            下载Excel{page.total > AUDIT_EXPORT_LIMIT ? `（最新${AUDIT_EXPORT_LIMIT.toLocaleString("zh-CN")}条）` : ""}
          </a>
        )}
      </div>
      <AuditFilterForm filters={filters} options={options} />
      {problems.length > 0 && (
        <ul role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      {page.total === 0 ? (
        <EmptyState title="没有符合条件的记录"><p>可放宽筛选条件后再试。</p></EmptyState>
      ) : (
        <>
          <AuditTable rows={page.rows} />
          <nav aria-label="分页" className="flex items-center gap-4 text-sm">
            <span className="text-slate-600">共 {page.total.toLocaleString("zh-CN")} 条，第 {page.page} / {page.pageCount} 页</span>
            {page.page > 1 && <Link href={link(page.page - 1)} className="text-blue-800 hover:underline">上一页</Link>}
            {page.page < page.pageCount && <Link href={link(page.page + 1)} className="text-blue-800 hover:underline">下一页</Link>}
          </nav>
        </>
      )}
    </div>
  );
}
