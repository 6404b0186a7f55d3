import Link from "next/link";

/** 上一页 / 下一页 links under a long list, with where the reader is; `hrefFor` builds a page's URL. */
export function Pager({ page, pageCount, total, hrefFor }: { page: number; pageCount: number; total?: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1 && total === undefined) return null;
  return (
    <nav aria-label="分页" className="mt-3 flex items-center gap-4 text-sm">
      {total !== undefined && <span className="text-slate-600">共 {total.toLocaleString("zh-CN")} 条</span>}
      {page > 1 && <Link href={hrefFor(page - 1)} className="text-blue-800 hover:underline">上一页</Link>}
      <span className="text-slate-600">第 {page} / {Math.max(1, pageCount)} 页</span>
      {page < pageCount && <Link href={hrefFor(page + 1)} className="text-blue-800 hover:underline">下一页</Link>}
    </nav>
  );
}
