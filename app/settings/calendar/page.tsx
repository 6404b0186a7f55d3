import type { Metadata } from "next";
import Link from "next/link";
import { NoticeForm } from "@/components/settings/notice-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { getCalendarEntries, loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "节假日安排" };

export default async function CalendarPage() {
  await requireRole("office");
  const db = getDb();
  const [calendar, entries] = await Promise.all([loadWorkCalendar(db), getCalendarEntries(db)]);
  const covered = calendar.coveredYears();
  const year = Number(todayInChina().slice(0, 4));
  const next = covered.includes(year + 1) ? year + 2 : year + 1;
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">节假日安排</h1>
        <p className="mt-1 text-sm text-slate-500">
          双公示上报期限和督办期限按工作日计算，须有当年国务院办公厅节假日安排通知（含调休上班日）。
          已有：{covered.join("、")}年（{entries.enteredYears.length > 0 ? `其中${entries.enteredYears.join("、")}年为本系统录入` : "均为内置"}）。
          每年12月起，如次年通知尚未录入，各页面会提醒信用办。
        </p>
      </div>
      <Panel title="录入一年的通知"><NoticeForm year={next} submissionKey={submissionKey()} /></Panel>
    </div>
  );
}
