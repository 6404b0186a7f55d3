import { and, eq, inArray } from "drizzle-orm";
import type { BulkInserter } from "@/db/bulk-insert";
import { importRows, sgsRecords, type NewSgsRecord, type SgsRecord } from "@/db/schema";
import type { SgsKind } from "@/db/schema/enums";
import type { WorkCalendar } from "@/lib/calendar";
import { monthOf } from "@/lib/dates";
import { deriveSgsFacts, describeFailedRules } from "@/lib/sgs";
import type { Tx } from "@/lib/write";
import { bodiesByCode, placeRecord, type CityUnits } from "./place";
import { authorityKey, type ReadSgsRow } from "./row";

/** What became of a batch's rows so far. */
export interface BatchCounts { read: number; inserted: number; updated: number; unchanged: number; rejected: number; problems: number }

export interface SgsBatchContext {
  tx: Tx;
  /** Writes new records and the batch's row notes in multi-row statements inside the same transaction. */
  inserter: BulkInserter;
  batchId: number;
  kind: SgsKind;
  department: { id: number; orgUnitId: number | null };
  units: CityUnits;
  calendar: WorkCalendar;
  /** The batch's date in China: the reporting date of records the file gives none for. */
  today: string;
  counts: BatchCounts;
  /** Months whose indicators the batch changed. */
  months: Set<string>;
  /** Problem rows kept with the batch so far, and how many may be: beyond that they are only counted. */
  problemRowsKept: number;
  problemRowLimit: number;
}

export interface PendingRow { rowNumber: number; cells: string[]; read: ReadSgsRow }

// Compared to tell an update from an unchanged row; the batch that stored it is not part of the record.
const COMPARED = ["subjectName", "subjectKind", "subjectCode", "legalRepresentative", "idType", "idNumber", "docNumber", "decisionDate",
  "reportedDate", "authorityName", "authorityCode", "departmentId", "districtId", "townId", "entityId", "licenseType", "licenseContent",
  "validFrom", "validTo", "violationType", "violationFacts", "legalBasis", "penaltyKind", "penaltyContent", "fineAmountWan",
  "failedRules", "workingDaysLate"] as const;

export function rejectRow(ctx: Pick<SgsBatchContext, "inserter" | "batchId" | "counts">, rowNumber: number, cells: readonly string[], column: string | null, reason: string): void {
  ctx.counts.rejected++;
  ctx.inserter.add(importRows, { batchId: ctx.batchId, rowNumber, status: "rejected", column, reason, cells: JSON.stringify(cells) });
}

/**
 * Stores a chunk of read rows: each placed in its district, matched to the record it corrects by
 * authority and document number, its facts derived by the engine's own rules, then inserted, updated or
 * left as it was. Rows that break field rules are stored and listed as problems; rows that cannot be
 * placed are rejected with the reason.
 */
export async function storeSgsChunk(ctx: SgsBatchContext, rows: PendingRow[]): Promise<void> {
  const { tx } = ctx;
  const bodies = await bodiesByCode(tx, rows.map((r) => r.read.record.subjectCode).filter((c): c is string => !!c));
  const docNumbers = [...new Set(rows.map((r) => r.read.record.docNumber!))];
  const existing = new Map<string, SgsRecord[]>();
  for (let i = 0; i < docNumbers.length; i += 500) {
    const found = await tx.select().from(sgsRecords).where(and(eq(sgsRecords.kind, ctx.kind), inArray(sgsRecords.docNumber, docNumbers.slice(i, i + 500))));
    for (const r of found) existing.set(r.docNumber!, [...(existing.get(r.docNumber!) ?? []), r]);
  }
  const inserts: NewSgsRecord[] = [];
  for (const row of rows) {
    const { record, problems } = row.read;
    const place = placeRecord(record, bodies, ctx.units, ctx.department);
    if (!place) {
      rejectRow(ctx, row.rowNumber, row.cells, null, "无法确定所属区县：主体代码不在本市登记且代码中的行政区划不属本市，决定机关名称中也没有区县名");
      continue;
    }
    const key = authorityKey(record.authorityName, record.authorityCode);
    const before = (existing.get(record.docNumber!) ?? []).find((r) => authorityKey(r.authorityName, r.authorityCode) === key);
    // A corrected re-send keeps the date the record first reached the platform, unless the file states one.
    const reportedDate = record.reportedDate ?? before?.reportedDate ?? ctx.today;
    const full = { ...record, reportedDate };
    const facts = deriveSgsFacts(full, ctx.calendar, ctx.today);
    const next: NewSgsRecord = {
      ...full, departmentId: ctx.department.id, districtId: place.districtId, townId: place.townId, entityId: place.entityId,
      failedRules: facts.failedRules, workingDaysLate: facts.workingDaysLate, importBatchId: ctx.batchId,
    };
    const failed = describeFailedRules(JSON.parse(facts.failedRules) as string[]).map((f) => f.message);
    const reasons = [...row.read.problems.map((p) => `${p.column}：${p.reason}`), ...failed];
    if (reasons.length > 0) {
      ctx.counts.problems++;
      if (ctx.problemRowsKept < ctx.problemRowLimit) {
        ctx.problemRowsKept++;
        ctx.inserter.add(importRows, { batchId: ctx.batchId, rowNumber: row.rowNumber, status: "problem", column: row.read.problems[0]?.column ?? null, reason: reasons.join("；"), cells: JSON.stringify(row.cells) });
      }
    }
    if (!before) {
      inserts.push(next);
      ctx.counts.inserted++;
      ctx.months.add(monthOf(record.decisionDate!));
      // A second row with the same key later in the file corrects this one.
      const stand = { ...next, id: -1 } as SgsRecord;
      existing.set(record.docNumber!, [...(existing.get(record.docNumber!) ?? []), stand]);
      continue;
    }
    if (COMPARED.every((f) => (before[f] ?? null) === ((next as Record<string, unknown>)[f] ?? null))) {
      ctx.counts.unchanged++;
      continue;
    }
    ctx.counts.updated++;
    ctx.months.add(monthOf(record.decisionDate!));
    if (before.decisionDate) ctx.months.add(monthOf(before.decisionDate));
    if (before.id === -1) {
      // Corrects a row of this same chunk not yet written: the insert takes the corrected values.
      const at = inserts.findIndex((r) => r.docNumber === before.docNumber && authorityKey(r.authorityName, r.authorityCode) === key);
      if (at >= 0) inserts[at] = next;
      Object.assign(before, next, { id: -1 });
    } else {
      await tx.update(sgsRecords).set(next).where(eq(sgsRecords.id, before.id));
      Object.assign(before, next);
    }
  }
  for (const record of inserts) ctx.inserter.add(sgsRecords, record);
  // Written before the next chunk looks for the records it corrects.
  await ctx.inserter.flush();
}
