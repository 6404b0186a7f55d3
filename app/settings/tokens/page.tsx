import type { Metadata } from "next";
import Link from "next/link";
import { IssueTokenForm } from "@/components/settings/issue-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { Panel } from "@/components/ui/panel";
import { chinaTime } from "@/lib/audit/labels";
import { requireRole } from "@/lib/auth/request";
import { getDepartmentChoices, getTokens, submissionKey } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "接口令牌" };

const minute = (iso: string | null) => (iso ? chinaTime(iso).slice(0, 16) : "—");

export default async function TokensPage() {
  await requireRole("office");
  const [tokens, departments] = await Promise.all([getTokens(), getDepartmentChoices()]);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm"><Link href="/settings" className="text-blue-800 hover:underline">设置</Link> /</p>
        <h1 className="text-xl font-semibold">接口令牌</h1>
        <p className="mt-1 text-sm text-slate-500">部门业务系统用令牌调用本系统接口，权限与该部门账号相同：只能查看和报送本部门的数据。系统只保存令牌的摘要，丢失后只能吊销并重新发放。</p>
      </div>
      <Panel title="使用方法">
        <p className="text-sm text-slate-700">调用接口时在 HTTP 请求头中携带令牌：</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 px-3 py-2 font-mono text-xs">Authorization: Bearer &lt;令牌&gt;</pre>
        <p className="mt-2 text-xs text-slate-500">令牌以 xyjc_ 开头。请勿写入代码仓库或通过聊天工具传送；怀疑泄露时立即吊销。</p>
      </Panel>
      <Panel title="发放令牌">
        <IssueTokenForm departments={departments} submissionKey={submissionKey()} />
      </Panel>
      <Panel title={`已发放（${tokens.length}）`}>
        {tokens.length === 0 ? <p className="text-sm text-slate-500">尚未发放令牌。</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">已发放的接口令牌</caption>
              <thead className="bg-slate-50 text-xs text-slate-500">
                <tr>
                  {["部门", "用途", "前缀", "发放时间", "发放人", "最近使用", "状态", "操作"].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 text-left font-medium">{h}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">{t.departmentName}</td>
                    <th scope="row" className="px-3 py-2 text-left font-normal">{t.name}</th>
                    <td className="px-3 py-2 font-mono text-xs">{t.prefix}…</td>
                    <td className="px-3 py-2 tabular-nums text-slate-600">{minute(t.createdAt)}</td>
                    <td className="px-3 py-2 text-slate-600">{t.createdBy ?? "—"}</td>
                    <td className="px-3 py-2 tabular-nums text-slate-600">{t.lastUsedAt ? minute(t.lastUsedAt).slice(0, 10) : "从未使用"}</td>
                    <td className="px-3 py-2">{t.revokedAt ? <span className="text-slate-500">已吊销（{minute(t.revokedAt)}）</span> : <span className="text-green-700">有效</span>}</td>
                    <td className="px-3 py-2">{!t.revokedAt && <RevokeTokenButton id={t.id} name={t.name} submissionKey={submissionKey()} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
