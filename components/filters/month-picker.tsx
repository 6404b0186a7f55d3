"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { formatMonthZh } from "@/lib/dates";

/** Writes the month into the URL, keeping the other parameters, so links and back/forward reproduce the view. */
export function MonthPicker({ months, value }: { months: string[]; value: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600">
      月份
      <select
        value={value}
        onChange={(e) => {
          const next = new URLSearchParams(params.toString());
          next.set("month", e.target.value);
          next.delete("page");
          router.push(`${pathname}?${next.toString()}`);
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
      >
        {[...months].reverse().map((m) => (
          <option key={m} value={m}>{formatMonthZh(m)}</option>
        ))}
      </select>
    </label>
  );
}
