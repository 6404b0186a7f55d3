import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/request";
import { safeNextPath } from "@/lib/auth/scope";
import { signInMessage, type SignInFailure } from "@/lib/auth/sign-in";
import { DemoBadge } from "@/components/shell/demo-badge";
import { ROLE_LABELS } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { getStoreStatus } from "@/lib/queries/store";

const REASONS: readonly SignInFailure[] = ["input", "invalid", "disabled", "throttled", "locked"];

export const metadata: Metadata = { title: "登录" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (await getViewer()) redirect(next ?? "/");
  // The handler sends back a reason, never a message: no one can make this page say something else.
  const reason = REASONS.find((r) => r === first(params.error));
  const wait = Math.min(86_400, Math.max(0, Number(first(params.wait)) || 0));
  const error = reason ? signInMessage(reason, wait * 1000) : "";
  const { isDemo } = await getStoreStatus();
  return (
    <div className="mx-auto mt-16 max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="flex items-center gap-2 text-xl font-semibold text-slate-900">信用监测 · 登录 {isDemo && <DemoBadge />}</h1>
      <p className="mt-1 text-sm text-slate-500">城市信用状况监测预警。账号由市信用办开设。</p>
      {first(params.signedOut) && <p role="status" className="mt-4 rounded bg-green-50 px-3 py-2 text-sm text-green-800">已安全退出。</p>}
      {error && <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      <form method="post" action="/auth/sign-in" className="mt-5 space-y-4 text-sm">
        {next && <input type="hidden" name="next" value={next} />}
        <label className="flex flex-col gap-1">账号
          <input name="username" autoComplete="username" required maxLength={64} defaultValue={first(params.username).slice(0, 64)} autoFocus={!first(params.username)}
            className="rounded border border-slate-300 px-3 py-2" />
        </label>
        <label className="flex flex-col gap-1">密码
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} autoFocus={Boolean(first(params.username))}
            className="rounded border border-slate-300 px-3 py-2" />
        </label>
        <button type="submit" className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">登录</button>
      </form>
      <p className="mt-4 text-xs text-slate-500">连续输错密码将逐步延长等待时间，多次输错后账号暂时锁定。忘记密码请联系市信用办重置。</p>
      {isDemo && (
        <div className="mt-4 rounded border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900">
          <p>演示环境账号（密码均为 {DEMO_PASSWORD}）：</p>
          <ul className="mt-1 grid grid-cols-2 gap-x-3">
            {DEMO_ACCOUNTS.map((a) => <li key={a.username}><code>{a.username}</code> {ROLE_LABELS[a.role]}·{a.displayName}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}
