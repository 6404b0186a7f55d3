import Link from "next/link";

export function NotFoundPanel({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-lg font-semibold">找不到该页面</h2>
      <p className="mt-2 text-sm text-slate-600">链接中的{what}不存在，可能已被修改。</p>
      <Link href="/" className="mt-4 inline-block text-sm text-blue-700 underline">返回总览</Link>
    </div>
  );
}
