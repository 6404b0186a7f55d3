import type { Metadata } from "next";
import Link from "next/link";
import { SupervisionSettingsForm } from "@/components/settings/supervision-settings-form";
import { Panel } from "@/components/ui/panel";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { submissionKey } from "@/lib/queries/settings";
import { indicatorChoices, readSupervisionSettings } from "@/lib/supervision/settings";

export const metadata: Metadata = { title: "督办设置" };

export default async function SupervisionSettingsPage() {
  await requireRole("office");
  const db = getDb();
  const [settings, choices] = await Promise.all([readSupervisionSettings(db), indicatorChoices(db)]);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">督办设置</h1>
        <p className="mt-1 text-sm text-slate-500">开具督办时默认的期限，以及哪些指标一出现新的红色预警就自动开具督办事项（每次计算后检查最新月份；同一指标、单位和月份只开具一次）。</p>
      </div>
      <Panel title="设置">
        <SupervisionSettingsForm indicators={choices} defaultWorkingDays={settings.defaultWorkingDays} autoOpen={settings.autoOpen} submissionKey={submissionKey()} />
      </Panel>
    </div>
  );
}
