import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, importBatches, importRows, type ImportBatch, type ImportRowStatus } from "@/db/schema";
import { seesWholeCity } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";

/** Whose batches a viewer sees: the office and leaders every one, a department its own, a district none. */
function batchScope(viewer: Viewer): SQL | undefined | false {
  if (seesWholeCity(viewer)) return undefined;
  if (viewer.role === "department" && viewer.departmentId) return eq(importBatches.departmentId, viewer.departmentId);
  return false;
}

export type BatchListItem = ImportBatch & { departmentName: string | null };

export async function listBatches(db: Db, viewer: Viewer, limit = 100): Promise<BatchListItem[]> {
  const scope = batchScope(viewer);
  if (scope === false) return [];
  return db.select({ batch: importBatches, departmentName: departments.name }).from(importBatches)
    .leftJoin(departments, eq(departments.id, importBatches.departmentId)).where(scope)
    .orderBy(desc(importBatches.id)).limit(limit)
    .then((rows) => rows.map((r) => ({ ...r.batch, departmentName: r.departmentName })));
}

/** A batch the viewer may see; "forbidden" for another department's, null for none. */
export async function getBatch(db: Db, viewer: Viewer, id: number): Promise<BatchListItem | "forbidden" | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const [row] = await db.select({ batch: importBatches, departmentName: departments.name }).from(importBatches)
    .leftJoin(departments, eq(departments.id, importBatches.departmentId)).where(eq(importBatches.id, id));
  if (!row) return null;
  const scope = batchScope(viewer);
  if (scope === false || (scope !== undefined && row.batch.departmentId !== viewer.departmentId)) return "forbidden";
  return { ...row.batch, departmentName: row.departmentName };
}

export async function batchRows(db: Db, batchId: number, status: ImportRowStatus, limit?: number) {
  const query = db.select().from(importRows).where(and(eq(importRows.batchId, batchId), eq(importRows.status, status))).orderBy(asc(importRows.rowNumber));
  const rows = await (limit ? query.limit(limit) : query);
  return rows.map((r) => ({ ...r, cells: JSON.parse(r.cells) as string[] }));
}

/** The header row a batch read, for files of its rows in the layout they came in. */
export function batchHeader(batch: ImportBatch): string[] {
  try {
    return (JSON.parse(batch.report) as { header?: string[] }).header ?? [];
  } catch {
    return [];
  }
}
