"use client";

import { useId, useState } from "react";
import { searchDepartments, type PickableDepartment } from "@/lib/plans/review";

/** Type part of a department's name, pick it from the few that match. */
export function UnitPicker({ departments, label, exclude, onPick }: {
  departments: PickableDepartment[];
  label: string;
  exclude: number[];
  onPick: (department: PickableDepartment) => void;
}) {
  const [query, setQuery] = useState("");
  const listId = useId();
  const found = query.trim() === "" ? [] : searchDepartments(query, departments.filter((d) => !exclude.includes(d.id)));
  return (
    <div className="text-xs">
      <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-label={label} aria-controls={listId}
        onKeyDown={(e) => {
          // Enter takes the best match; it never submits the form around.
          if (e.key !== "Enter") return;
          e.preventDefault();
          if (found[0]) { onPick(found[0]); setQuery(""); }
        }}
        placeholder="输入部门名称查找，如“市场监管”" className="w-56 rounded border border-slate-300 px-2 py-1" />
      {query.trim() !== "" && (
        <ul id={listId} aria-label={`${label}的结果`} className="mt-1 flex flex-wrap gap-1">
          {found.length === 0 && <li className="text-slate-500">没有找到，请换个写法</li>}
          {found.map((d) => (
            <li key={d.id}>
              <button type="button" onClick={() => { onPick(d); setQuery(""); }}
                className="rounded border border-blue-200 bg-blue-50 px-1.5 py-0.5 text-blue-900 hover:bg-blue-100">
                {d.name}{d.fullName && d.fullName !== d.name ? `（${d.fullName}）` : ""}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
