import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { navItemsFor } from "@/components/shell/nav-items";
import { SideNav } from "@/components/shell/side-nav";
import { getViewer } from "@/lib/auth/request";
import { getViewerScope } from "@/lib/queries/viewer-scope";
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
              <main className="min-w-0 flex-1 p-6">{children}</main>
            </div>
          </>
        ) : (
          <main className="p-6">{children}</main>
        )}
      </body>
    </html>
  );
}
