import Link from "next/link";
import { ROLE_LABELS } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

/** Who is signed in, with 修改密码 and 退出 (a form post, so it works without JavaScript). */
export function UserMenu({ viewer, scopeName }: { viewer: Viewer; scopeName: string | null }) {
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      <span className="text-slate-700" data-testid="signed-in-as">
        {viewer.displayName}
        <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{ROLE_LABELS[viewer.role]}{scopeName ? ` · ${scopeName}` : ""}</span>
      </span>
      <Link href="/account" className="text-blue-800 hover:underline">修改密码</Link>
      <form method="post" action="/auth/sign-out">
        <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50">退出</button>
      </form>
    </div>
  );
}
