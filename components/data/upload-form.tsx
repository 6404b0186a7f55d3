"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { BUTTON, INPUT, type Option } from "@/components/settings/form-bits";

interface Summary { read: number; inserted: number; updated: number; unchanged: number; rejected: number; problems: number; batch: number | null; recomputed?: string[] }
type FileState =
  | { name: string; phase: "waiting" }
  | { name: string; phase: "sending"; sent: number; total: number }
  | { name: string; phase: "processing" }
  | { name: string; phase: "done"; summary: Summary }
  | { name: string; phase: "failed"; message: string; batch: number | null };

/** Sends one file to the import API, reporting the upload's progress; resolves with the status and JSON answer. */
function send(url: string, file: File, onProgress: (sent: number, total: number) => void): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        body = { error: xhr.responseText.slice(0, 300) || `服务器返回 ${xhr.status}` };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { error: "网络中断，文件没有送达，请重试" } });
    xhr.send(file);
  });
}

export function UploadForm({ datasets, departments, ownDepartment }: { datasets: { name: string; label: string; officeOnly: boolean }[]; departments: Option[]; ownDepartment: string | null }) {
  const router = useRouter();
  const [dataset, setDataset] = useState(datasets[0]?.name ?? "");
  const [department, setDepartment] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [states, setStates] = useState<FileState[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // City-wide datasets (the national rank) belong to no department.
  const cityWide = datasets.find((d) => d.name === dataset)?.officeOnly ?? false;
  const update = (i: number, s: FileState) => setStates((all) => all.map((x, j) => (j === i ? s : x)));

  async function start(e: React.FormEvent) {
    e.preventDefault();
    if (files.length === 0) return setError("请选择要导入的文件");
    if (!ownDepartment && !cityWide && !department) return setError("请选择数据所属的部门");
    setError(null);
    setBusy(true);
    setStates(files.map((f) => ({ name: f.name, phase: "waiting" })));
    const query = ownDepartment || cityWide ? "" : `?department=${encodeURIComponent(department)}`;
    // One at a time: each file is one batch, and the server stores batches one after another anyway.
    for (const [i, file] of files.entries()) {
      update(i, { name: file.name, phase: "sending", sent: 0, total: file.size });
      const { status, body } = await send(`/api/v1/imports/${dataset}${query}`, file, (sent, total) => {
        update(i, sent >= total ? { name: file.name, phase: "processing" } : { name: file.name, phase: "sending", sent, total });
      });
      if (status === 200) update(i, { name: file.name, phase: "done", summary: body as unknown as Summary });
      else update(i, { name: file.name, phase: "failed", message: String(body.error ?? `导入失败（${status}）`), batch: (body.batch as number | null) ?? null });
    }
    setBusy(false);
    router.refresh();
  }

  return (
    <form onSubmit={start} className="space-y-3 text-sm" aria-label="导入数据">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">数据集
          <select value={dataset} onChange={(e) => setDataset(e.target.value)} className={INPUT} disabled={busy}>
            {datasets.map((d) => <option key={d.name} value={d.name}>{d.label}</option>)}
          </select>
        </label>
        {ownDepartment ? (
          <p className="pb-1 text-slate-600">所属部门：{ownDepartment}</p>
        ) : cityWide ? (
          <p className="pb-1 text-slate-600">全市数据，不属于某个部门</p>
        ) : (
          <label className="flex flex-col gap-1">所属部门
            <select value={department} onChange={(e) => setDepartment(e.target.value)} className={INPUT} disabled={busy}>
              <option value="">请选择</option>
              {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1">文件（Excel .xlsx 或 CSV，可多选）
          <input type="file" multiple accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" disabled={busy}
            onChange={(e) => setFiles([...(e.target.files ?? [])])} className="text-sm" />
        </label>
        <button type="submit" disabled={busy} className={BUTTON}>{busy ? "导入中…" : "开始导入"}</button>
      </div>
      {error && <p role="alert" className="text-red-700">{error}</p>}
      {states.length > 0 && (
        <ul className="space-y-2" aria-label="导入进度">
          {states.map((s, i) => <li key={i} className="rounded border border-slate-200 p-2"><FileLine state={s} /></li>)}
        </ul>
      )}
    </form>
  );
}

function FileLine({ state }: { state: FileState }) {
  const name = <span className="font-medium">{state.name}</span>;
  switch (state.phase) {
    case "waiting": return <p>{name}<span className="ml-2 text-slate-500">等待</span></p>;
    case "sending": {
      const percent = state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
      return (
        <div>
          <p>{name}<span className="ml-2 text-slate-500">上传中 {percent}%</span></p>
          <progress value={percent} max={100} className="mt-1 h-2 w-full" aria-label={`${state.name} 上传进度`} />
        </div>
      );
    }
    case "processing": return <p>{name}<span className="ml-2 text-slate-500">已上传，正在校验和入库…</span></p>;
    case "failed": return (
      <p role="alert">{name}<span className="ml-2 text-red-700">未导入：{state.message}</span>
        {state.batch && <Link href={`/data/batches/${state.batch}`} className="ml-2 text-blue-800 hover:underline">查看记录</Link>}</p>
    );
    case "done": {
      const s = state.summary;
      return (
        <p role="status">{name}
          <span className="ml-2 text-green-800">已导入：读取 {s.read} 行，新增 {s.inserted}，更新 {s.updated}，未变 {s.unchanged}</span>
          {s.rejected > 0 && <span className="ml-2 text-red-700">拒收 {s.rejected}</span>}
          {s.problems > 0 && <span className="ml-2 text-amber-700">有问题 {s.problems}</span>}
          {s.batch && <Link href={`/data/batches/${s.batch}`} className="ml-2 text-blue-800 hover:underline">查看明细</Link>}
        </p>
      );
    }
  }
}
