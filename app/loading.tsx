export default function Loading() {
  return (
    <div aria-busy="true" aria-label="正在加载" className="animate-pulse">
      <div className="mb-5 h-7 w-40 rounded bg-slate-200" />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-24 rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="h-96 rounded-lg bg-slate-200" />
    </div>
  );
}
