import Link from "next/link";
import { LEVEL_LABELS, LEVELS, viewHref, type ViewParams } from "@/lib/dashboard/params";

/** 区县 / 镇街 as plain links: works without JavaScript and lives in the URL. */
export function LevelSwitch({ path, view }: { path: string; view: ViewParams }) {
  return (
    <nav aria-label="层级" className="flex overflow-hidden rounded-md border border-slate-300 text-sm">
      {LEVELS.map((level) => (
        <Link
          key={level}
          href={viewHref(path, { ...view, level })}
          aria-current={view.level === level ? "page" : undefined}
          className={`px-3 py-1 ${view.level === level ? "bg-blue-700 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {LEVEL_LABELS[level]}
        </Link>
      ))}
    </nav>
  );
}
