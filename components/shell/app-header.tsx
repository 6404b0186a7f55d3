import type { Viewer } from "@/lib/auth/viewer";
import { getStoreStatus } from "@/lib/queries/store";
import { ComputeNotices } from "./compute-notices";
import { DemoBadge } from "./demo-badge";
import { UserMenu } from "./user-menu";

export async function AppHeader({ viewer, scopeName }: { viewer: Viewer; scopeName: string | null }) {
  const status = await getStoreStatus();
  return (
    <>
      <header className="no-print flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-6">
        <span className="text-lg font-semibold text-slate-900">信用监测</span>
        <span className="text-sm text-slate-500">城市信用状况监测预警</span>
        {status.isDemo && <DemoBadge />}
        <UserMenu viewer={viewer} scopeName={scopeName} />
      </header>
      {viewer.role === "office" && <ComputeNotices notices={status.computeNotices} />}
    </>
  );
}
