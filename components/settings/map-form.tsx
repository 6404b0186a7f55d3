"use client";

import { useActionState, useMemo } from "react";
import { mapAction, type MapFormState } from "@/app/settings/map/actions";
import { LazyHeavyEChart } from "@/components/charts/lazy-heavy-echart";
import { BUTTON, FieldError, FormOutcome, INPUT } from "./form-bits";

const INITIAL: MapFormState = { ok: false, message: null, errors: {}, values: {}, seq: 0, preview: null };

/** Choose the file, see it matched and drawn, then replace the city's map. */
export function MapForm({ submissionKey }: { submissionKey: string }) {
  const [state, action, pending] = useActionState<MapFormState, FormData>(mapAction, INITIAL);
  const levelLabel = state.values.level === "town" ? "镇街" : "区县";
  const geoJson = useMemo(() => (state.preview ? (JSON.parse(state.preview.geoJson) as object) : null), [state.preview]);
  return (
    <form action={action} className="space-y-3 text-sm" aria-label="上传边界">
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {state.preview && <input type="hidden" name="previewed" value={state.preview.geoJson} />}
      {state.preview && <input type="hidden" name="previewedLevel" value={state.values.level ?? "district"} />}
      {/* Remounted with each answer: the form resets after an action, and must come back as it was sent. */}
      <div key={state.seq} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">层级
          <select name="level" defaultValue={state.values.level ?? "district"} className={INPUT}>
            <option value="district">区县边界（总览地图）</option>
            <option value="town">镇街边界（各区县页）</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">名称
          <input name="name" maxLength={100} defaultValue={state.values.name ?? ""} placeholder="如：本市区县边界" className={`${INPUT} w-56`} />
        </label>
        <label className="flex flex-col gap-1">GeoJSON 文件（不超过4MB）
          <input name="file" type="file" accept=".json,.geojson,application/geo+json,application/json" className="text-sm" />
        </label>
        <button type="submit" name="intent" value="preview" disabled={pending} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50">预览</button>
        {state.preview && <button type="submit" name="intent" value="save" disabled={pending} className={BUTTON}>确认替换</button>}
      </div>
      <FieldError message={state.errors.file} />
      <FormOutcome state={state} fields={["file"]} />
      {state.preview && geoJson && (
        <div className="grid gap-4 lg:grid-cols-2">
          <LazyHeavyEChart spec={{ kind: "map", input: { mapName: "preview", areas: state.preview.matched.map((m) => ({ name: m.unit, score: null, rank: null })) } }}
            geo={{ name: "preview", geoJson }} height={320} ariaLabel="上传的边界预览" />
          <div className="space-y-2">
            <p>已对应：{state.preview.matched.map((m) => (m.unit === m.feature ? m.unit : `${m.feature}→${m.unit}`)).join("、")}</p>
            {state.preview.unmatchedFeatures.length > 0 && <p className="text-amber-800">未对应到本市{levelLabel}的要素：{state.preview.unmatchedFeatures.join("、")}</p>}
            {state.preview.unitsWithout.length > 0 && <p className="text-amber-800">没有边界的{levelLabel}：{state.preview.unitsWithout.join("、")}</p>}
          </div>
        </div>
      )}
      <p className="text-xs text-slate-500">“确认替换”替换为预览中的边界（提交时再次检查）；另选文件则先重新预览。</p>
    </form>
  );
}
