import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { navItemsFor } from "@/components/shell/nav-items";
import { SideNav } from "@/components/shell/side-nav";
import { getViewer } from "@/lib/auth/request";
import { getViewerScope } from "@/lib/queries/viewer-scope";
import Link from "next/link";
import { getDb } from "@/db";
import { missingNoticeYear } from "@/lib/calendar/coverage";
import "./globals.css";

// Every page reads the live store and the viewer; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "信用监测", template: "%s · 信用监测" },
  description: "城市信用状况监测预警指标的计算、排名与通报",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getViewer();
  const scope = viewer ? await getViewerScope(viewer) : null;
  // From December the office is told on every page while next year's holiday notice is missing.
  const missingYear = viewer?.role === "office" ? await missingNoticeYear(getDb()) : null;
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {viewer && scope ? (
          <>
            <AppHeader viewer={viewer} scopeName={scope.name} />
            <div className="flex">
              <aside className="no-print min-h-[calc(100vh-3.5rem)] w-44 shrink-0 border-r border-slate-200 bg-white">
                <SideNav items={navItemsFor(viewer.role, { departmentId: viewer.departmentId, districtCode: scope.districtCode })} />
              </aside>
              <main className="min-w-0 flex-1 p-6">
                {missingYear && (
                  <p role="status" className="no-print mb-4 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
                    {missingYear}年的节假日安排通知尚未录入：届时的双公示上报期限和督办期限只能按周一至周五估算。
                    <Link href="/settings/calendar" className="ml-1 text-blue-800 underline">去录入</Link>
                  </p>
                )}
                {children}
              </main>
            </div>
          </>
        ) : (
          <main className="p-6">{children}</main>
        )}
      </body>
    </html>
  );
}
