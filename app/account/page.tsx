import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { Panel } from "@/components/ui/panel";
import { ROLE_LABELS } from "@/db/schema";
import { requireViewer } from "@/lib/auth/request";
import { getViewerScope } from "@/lib/queries/viewer-scope";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  const scope = await getViewerScope(viewer);
  const facts: [string, string][] = [
    ["账号", viewer.username],
    ["姓名或单位", viewer.displayName],
    ["角色", ROLE_LABELS[viewer.role]],
    ["范围", scope.name ?? (viewer.role === "office" || viewer.role === "leader" ? "全市" : "—")],
  ];
  return (
    <div className="space-y-5">
      <h1 className="text-xl font-semibold">我的账号</h1>
      <Panel title="账号信息">
        <dl className="grid max-w-md grid-cols-[6rem_1fr] gap-x-4 gap-y-2 text-sm">
          {facts.map(([k, v]) => <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd>{v}</dd></div>)}
        </dl>
        <p className="mt-3 text-xs text-slate-500">角色和范围由市信用办设定，如需调整请联系信用办。</p>
      </Panel>
      <Panel title="修改密码">
        {viewer.userId === null
          ? <p className="text-sm text-slate-600">接口令牌没有密码。</p>
          : <ChangePasswordForm submissionKey={randomUUID()} username={viewer.username} />}
      </Panel>
    </div>
  );
}
