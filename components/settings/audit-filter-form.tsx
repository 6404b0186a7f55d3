import Link from "next/link";
import type { AuditFilters } from "@/lib/audit/query";
import { INPUT, SelectField } from "./form-bits";

interface Options {
  accounts: { id: number; username: string; displayName: string }[];
  departments: { id: number; name: string }[];
  actions: { name: string; label: string }[];
}

/** A plain GET form: the filters live in the URL, so a filtered view can be linked and exported. */
export function AuditFilterForm({ filters, options }: { filters: AuditFilters; options: Options }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="筛选操作日志">
      <SelectField label="操作人" name="user" value={filters.userId} empty="全部" className={`${INPUT} max-w-56`}
        options={options.accounts.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))} />
      <SelectField label="部门" name="department" value={filters.departmentId} empty="全部"
        options={options.departments.map((d) => ({ value: d.id, label: d.name }))} />
      <SelectField label="操作" name="action" value={filters.action} empty="全部"
        options={options.actions.map((a) => ({ value: a.name, label: a.label }))} />
      <label className="flex flex-col gap-1">起始日期
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={INPUT} />
      </label>
      <label className="flex flex-col gap-1">截止日期
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={INPUT} />
      </label>
      <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white">筛选</button>
      <Link href="/settings/audit" className="py-1 text-blue-800 hover:underline">清除筛选</Link>
    </form>
  );
}
