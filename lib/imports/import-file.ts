import type { Db } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { recomputeMonths } from "@/lib/indicators/compute/recompute-months";
import { write } from "@/lib/write";
import { importFileAction, recordRefusedImport, IMPORT_CHANNELS, type StoredBatch } from "./actions";
import { datasetRefusal, type DatasetName } from "./datasets";

export interface ImportRequest {
  dataset: string;
  departmentId: number | null;
  file: { path: string; fileName: string; bytes: number; sheet?: string };
  via: (typeof IMPORT_CHANNELS)[number];
}

/** The answer the page, the command line and the API all give: the batch's summary, or why nothing was stored. */
export type ImportOutcome =
  | ({ ok: true; status: 200; recomputed: string[]; seconds: { store: number; recompute: number } } & StoredBatch)
  | { ok: false; status: number; message: string; fieldErrors: Record<string, string>; batch: number | null };

/**
 * The one way a file gets in — from the 数据 page, `npm run import` and the API alike: the batch through the
 * write path, a refused file recorded in the history, then the months the batch touched recomputed so the
 * screens show the new values.
 */
export async function importFile(db: Db, viewer: Viewer, request: ImportRequest): Promise<ImportOutcome> {
  const unknown = datasetRefusal(request.dataset);
  if (unknown) return { ok: false, status: 404, message: unknown, fieldErrors: { dataset: unknown }, batch: null };
  const input = { dataset: request.dataset as DatasetName, departmentId: request.departmentId, ...request.file, via: request.via };
  const started = performance.now();
  const outcome = await write(db, viewer, importFileAction, input);
  if (!outcome.ok) {
    let batch: number | null = null;
    // A file refused for what it holds is kept in the history; a refusal of who sent it is not theirs to list.
    if (outcome.status === 422 && !outcome.fieldErrors.departmentId) {
      const { path: _path, ...rest } = input;
      const recorded = await write(db, viewer, recordRefusedImport, { ...rest, fileName: rest.fileName.slice(0, 255) || "（无文件名）", message: outcome.message.slice(0, 2_000) });
      if (recorded.ok) batch = recorded.value;
    }
    return { ok: false, status: outcome.status, message: outcome.message, fieldErrors: outcome.fieldErrors, batch };
  }
  const stored = performance.now();
  const recomputed = await recomputeMonths(db, outcome.value.months);
  const seconds = { store: (stored - started) / 1000, recompute: (performance.now() - stored) / 1000 };
  return { ok: true, status: 200, ...outcome.value, recomputed, seconds };
}
