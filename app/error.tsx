"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h2 className="text-lg font-semibold text-red-800">页面加载出错</h2>
      <p className="mt-2 text-sm text-red-700">读取数据时发生错误，请稍后重试；如仍出错，请联系系统管理员。</p>
      {error.digest && <p className="mt-1 text-xs text-red-600">错误编号：{error.digest}</p>}
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-700 px-3 py-1.5 text-sm text-white">
        重试
      </button>
    </div>
  );
}
