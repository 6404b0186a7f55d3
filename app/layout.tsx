import type { Metadata } from "next";
import { AppHeader } from "@/components/shell/app-header";
import { SideNav } from "@/components/shell/side-nav";
import "./globals.css";

// Every page reads the live store; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "信用监测", template: "%s · 信用监测" },
  description: "城市信用状况监测预警指标的计算、排名与通报",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <AppHeader />
        <div className="flex">
          <aside className="no-print min-h-[calc(100vh-3.5rem)] w-44 shrink-0 border-r border-slate-200 bg-white">
            <SideNav />
          </aside>
          <main className="min-w-0 flex-1 p-6">{children}</main>
        </div>
      </body>
    </html>
  );
}
