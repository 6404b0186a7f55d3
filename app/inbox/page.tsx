import type { Metadata } from "next";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { chinaTime } from "@/lib/audit/labels";
import { requireViewer } from "@/lib/auth/request";
import { noticesOf } from "@/lib/supervision/inbox";
import { markAllReadAction } from "./actions";

export const metadata: Metadata = { title: "消息" };

/** One's own notices: 督办 items handed over, due, overdue, returned, closed; newest first. */
export default async function InboxPage() {
  const viewer = await requireViewer();
  const notices = viewer.userId ? await noticesOf(getDb(), viewer.userId) : [];
  const unread = notices.filter((n) => !n.readAt).length;
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">消息</h1>
      <Panel title={`消息（未读 ${unread} 条）`} actions={unread > 0 ? (
        <form action={markAllReadAction}><button type="submit" className="text-sm text-blue-800 hover:underline">全部标为已读</button></form>
      ) : undefined}>
        {notices.length === 0 ? <p className="text-sm text-slate-500">暂无消息。</p> : (
          <ul className="divide-y divide-slate-100 text-sm">
            {notices.map((n) => (
              <li key={n.id} className="py-2">
                <p className={n.readAt ? "text-slate-700" : "font-semibold"}>
                  {n.link ? <Link href={n.link} className="text-blue-800 hover:underline">{n.title}</Link> : n.title}
                  <span className="ml-2 text-xs font-normal text-slate-500">{chinaTime(n.at).slice(0, 16)}</span>
                </p>
                <p className="whitespace-pre-line text-slate-600">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
