import { Suspense } from "react";
import type { ViewParams } from "@/lib/dashboard/params";
import { formatMonthZh } from "@/lib/dates";
import { LevelSwitch } from "./level-switch";
import { MonthPicker } from "./month-picker";

/** A page's title with its month picker and, where it applies, the level switch. */
export function ViewBar(props: { title: string; subtitle?: string; path: string; view: ViewParams; months: string[]; levels?: boolean }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{props.title}</h1>
        <p className="mt-1 text-sm text-slate-500">{props.subtitle ?? formatMonthZh(props.view.month)}</p>
      </div>
      <div className="no-print flex items-center gap-3">
        {props.levels && <LevelSwitch path={props.path} view={props.view} />}
        <Suspense fallback={<span className="text-sm text-slate-500">{formatMonthZh(props.view.month)}</span>}>
          <MonthPicker months={props.months} value={props.view.month} />
        </Suspense>
      </div>
    </div>
  );
}
