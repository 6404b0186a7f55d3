/** Loud, on every page: numbers that could not take everything into account must not look complete. */
export function ComputeNotices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <div role="alert" className="border-b border-red-300 bg-red-50 px-6 py-3 text-sm text-red-800">
      <p className="font-semibold">指标计算提示</p>
      <ul className="mt-1 list-disc pl-5">
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <p className="mt-1 text-red-700">
        录入国务院办公厅当年节假日通知：<code className="rounded bg-red-100 px-1">npm run calendar -- enter 通知.json</code>，然后重新计算
        <code className="ml-1 rounded bg-red-100 px-1">npm run compute</code>。
      </p>
    </div>
  );
}
