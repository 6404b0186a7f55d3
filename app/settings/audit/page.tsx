import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilterForm } from "@/components/settings/audit-filter-form";
import { AuditTable } from "@/components/settings/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
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
          <Pager page={page.page} pageCount={page.pageCount} total={page.total} hrefFor={link} />
        </>
      )}
    </div>
  );
}
