import Link from "next/link";
import type { AuditFilters } from "@/lib/audit/query";
import { INPUT } from "./form-bits";

interface Options {
  accounts: { id: number; username: string; displayName: string }[];
  departments: { id: number; name: string }[];
  actions: { name: string; label: string }[];
}

/** A plain GET form: the filters live in the URL, so a filtered view can be linked and exported. */
export function AuditFilterForm({ filters, options }: { filters: AuditFilters; options: Options }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label="筛选操作日志">
      <label className="flex flex-col gap-1">操作人
        <select name="user" defaultValue={filters.userId ?? ""} className={`${INPUT} max-w-56`}>
          <option value="">全部</option>
          {options.accounts.map((a) => <option key={a.id} value={a.id}>{a.displayName}（{a.username}）</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">部门
        <select name="department" defaultValue={filters.departmentId ?? ""} className={INPUT}>
          <option value="">全部</option>
          {options.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">操作
        <select name="action" defaultValue={filters.action ?? ""} className={INPUT}>
          <option value="">全部</option>
          {options.actions.map((a) => <option key={a.name} value={a.name}>{a.label}</option>)}
        </select>
      </label>
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
