import { eq } from "drizzle-orm";
import { departments, importBatches } from "@/db/schema";
import { canWrite } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { loadWorkCalendar } from "@/lib/calendar/store";
import { todayInChina } from "@/lib/dates";
import { notFound, Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { DATASET_LABELS, DATASET_NAMES, LAYOUTS } from "./datasets";
import { HANDLERS } from "./handlers";
import { runBatch } from "./run-batch";

export const IMPORT_CHANNELS = ["网页", "命令行", "接口"] as const;

const importInput = z.object({
  dataset: z.enum(DATASET_NAMES),
  departmentId: z.number().int().positive().nullable(),
  fileName: z.string().trim().min(1).max(255),
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  via: z.enum(IMPORT_CHANNELS),
  sheet: z.string().trim().max(100).optional(),
});
type ImportInput = z.output<typeof importInput>;

export interface StoredBatch {
  batch: number;
  read: number; inserted: number; updated: number; unchanged: number; rejected: number; problems: number;
  months: string[];
}

const mayImport = (v: Viewer) => canWrite(v) && (v.role === "office" || v.role === "department");

/**
 * The department a batch is for: a 部门 imports only as itself; the office names one. City-wide datasets (the
 * national rank) belong to no department and only the office sends them.
 */
async function batchDepartment(db: Pick<Tx, "select">, input: ImportInput, viewer: Viewer) {
  if (LAYOUTS[input.dataset]?.officeOnly) {
    if (viewer.role !== "office") throw new Refusal(403, `“${DATASET_LABELS[input.dataset]}”由信用办导入`);
    return null;
  }
  if (viewer.role === "department") {
    if (input.departmentId !== null && input.departmentId !== viewer.departmentId) throw new Refusal(403, "部门只能导入本部门的数据");
    input = { ...input, departmentId: viewer.departmentId };
  }
  if (input.departmentId === null) throw new Refusal(422, "请选择数据所属的部门", { departmentId: "请选择数据所属的部门" });
  const [department] = await db.select({ id: departments.id, name: departments.name, orgUnitId: departments.orgUnitId }).from(departments).where(eq(departments.id, input.departmentId));
  if (!department) throw notFound("所选部门不存在");
  return department;
}

/**
 * Loads one file as one batch: every row stored or rejected with its reason, the batch and its audit row
 * in the same transaction — so a batch is stored whole or not at all.
 */
export const importFileAction: WriteAction<typeof importInput, StoredBatch> = {
  name: "import.file", input: importInput, allow: mayImport, refusal: "只有信用办和部门可以导入数据",
  check: async (db, input, viewer) => {
    if (!HANDLERS[input.dataset]) throw new Refusal(422, `“${DATASET_LABELS[input.dataset]}”暂不能从文件导入`);
    await batchDepartment(db, input, viewer);
  },
  run: async (tx, input, viewer) => {
    const department = await batchDepartment(tx, input, viewer);
    const handler = HANDLERS[input.dataset]!();
    const startedAt = new Date().toISOString();
    const [batch] = await tx.insert(importBatches).values({
      dataset: input.dataset, departmentId: department?.id ?? null, userId: viewer.userId, tokenId: viewer.tokenId, actor: viewer.username,
      via: input.via, fileName: input.fileName, fileBytes: input.bytes, startedAt, status: "stored",
    }).returning({ id: importBatches.id });
    const result = await runBatch(tx, batch!.id, input.dataset, handler, department && { id: department.id, orgUnitId: department.orgUnitId }, { path: input.path, fileName: input.fileName, sheet: input.sheet },
      await loadWorkCalendar(tx), todayInChina(), viewer.username);
    const { counts, months } = result;
    await tx.update(importBatches).set({ ...counts, months: JSON.stringify(months), report: JSON.stringify(result.report), finishedAt: new Date().toISOString() })
      .where(eq(importBatches.id, batch!.id));
    const value: StoredBatch = { batch: batch!.id, ...counts, months };
    return {
      value,
      audit: {
        entityType: "import_batch", entityId: batch!.id, departmentId: department?.id ?? null, after: { batch: batch!.id, ...counts, months },
        summary: `导入${DATASET_LABELS[input.dataset]}（${department?.name ?? "全市"}，文件“${input.fileName}”）：读取${counts.read}行，新增${counts.inserted}，更新${counts.updated}，未变${counts.unchanged}，拒收${counts.rejected}，有问题${counts.problems}`,
      },
    };
  },
};

const refusedInput = importInput.omit({ path: true }).extend({ message: z.string().max(2_000) });

/** A file refused whole is still part of the history: who sent what, and why nothing was stored. */
export const recordRefusedImport: WriteAction<typeof refusedInput, number> = {
  name: "import.refused", input: refusedInput, allow: mayImport,
  run: async (tx, input, viewer) => {
    const departmentId = viewer.role === "department" ? viewer.departmentId : input.departmentId;
    const now = new Date().toISOString();
    const [batch] = await tx.insert(importBatches).values({
      dataset: input.dataset, departmentId, userId: viewer.userId, tokenId: viewer.tokenId, actor: viewer.username, via: input.via,
      fileName: input.fileName, fileBytes: input.bytes, startedAt: now, finishedAt: now, status: "refused", message: input.message,
    }).returning({ id: importBatches.id });
    return { value: batch!.id, audit: { entityType: "import_batch", entityId: batch!.id, departmentId, summary: `导入${DATASET_LABELS[input.dataset]}被拒（文件“${input.fileName}”）：${input.message}` } };
  },
};
