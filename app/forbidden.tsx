import Link from "next/link";

export default function Forbidden() {
  return (
    <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-6">
      <h2 className="text-lg font-semibold text-amber-900">无权访问</h2>
      <p className="mt-2 text-sm text-amber-800">您的账号无权查看或修改此内容：部门账号只能查看本部门的记录，区县账号只能查看本区县及所辖镇街。</p>
      <Link href="/" className="mt-4 inline-block text-sm text-blue-700 underline">返回首页</Link>
    </div>
  );
}
