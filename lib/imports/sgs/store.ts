import { eq } from "drizzle-orm";
import { sgsRecords, type NewSgsRecord } from "@/db/schema";
import type { SgsKind } from "@/db/schema/enums";
import { monthOf } from "@/lib/dates";
import { deriveSgsFacts, describeFailedRules } from "@/lib/sgs";
import { rawTransaction } from "@/lib/write";
import { noteProblems, problemReasons, rejectRow, type BatchContext, type DatasetHandler, type PendingRow } from "../batch";
import { SGS_LICENSE_LAYOUT, SGS_PENALTY_LAYOUT } from "../layouts/sgs";
import { touch } from "../by-code";
import { bodiesByCode, loadCityUnits, placeRecord, type CityUnits } from "../place";
import { str } from "../fields";
import { authorityKey, sgsRecordOf, storedSgsRecord } from "./row";
import { loadSourceDepartments } from "./source-unit";

type SourceOf = Awaited<ReturnType<typeof loadSourceDepartments>>;

// Compared to tell an update from an unchanged row; the batch that stored it is not part of the record.
const COMPARED = ["subjectName", "subjectKind", "subjectCode", "legalRepresentative", "idType", "idNumber", "docNumber", "decisionDate",
  "reportedDate", "authorityName", "authorityCode", "departmentId", "districtId", "townId", "entityId", "licenseType", "licenseContent",
  "validFrom", "validTo", "violationType", "violationFacts", "legalBasis", "penaltyKind", "penaltyContent",
  "failedRules", "workingDaysLate", "fineAmountWan"] as const;
type Compared = (typeof COMPARED)[number];
const AT = Object.fromEntries(COMPARED.map((f, i) => [f, i])) as Record<Compared, number>;

/**
 * A record already stored (id > 0) or waiting in this chunk's inserts (id < 0): its compared values in COMPARED
 * order. Stored ones are read as one JSON array per record, since the client builds an object property by
 * property for every column of every row it returns: reading 200,000 whole records that way was half of a
 * repeated import's time. The amount, a REAL, is read as itself, not through JSON's decimal text.
 */
interface Known { id: number; values: unknown[] }
const EXISTING_SQL = `SELECT id, json_array(${COMPARED.filter((f) => f !== "fineAmountWan").map((f) => sgsRecords[f].name).join(", ")}) AS compared, fine_amount_wan
  FROM sgs_records WHERE kind = ? AND doc_number IN (SELECT value FROM json_each(?))`;
const valuesOf = (record: NewSgsRecord): unknown[] => COMPARED.map((f) => record[f] ?? null);

/** The 双公示 datasets: each row placed in its district, matched to the record it corrects, checked by the engine's rules. */
export function sgsHandler(kind: SgsKind): DatasetHandler {
  let units: CityUnits | null = null;
  let sourceOf: SourceOf | null = null;
  return {
    layout: kind === "license" ? SGS_LICENSE_LAYOUT : SGS_PENALTY_LAYOUT,
    storeChunk: async (ctx, rows) => {
      units ??= await loadCityUnits(ctx.tx);
      sourceOf ??= await loadSourceDepartments(ctx.tx);
      await storeSgsChunk(ctx, kind, units, sourceOf, rows);
    },
  };
}

/**
 * Stores a chunk of read rows: each placed in its district, matched to the record it corrects by
 * authority and document number, its facts derived by the engine's own rules, then inserted, updated or
 * left as it was. Rows that break field rules are stored and listed as problems; rows that cannot be
 * placed are rejected with the reason.
 */
async function storeSgsChunk(ctx: BatchContext, kind: SgsKind, units: CityUnits, sourceOf: SourceOf, rows: PendingRow[]): Promise<void> {
  const { tx } = ctx;
  const department = ctx.department!;
  const records = rows.map((r) => sgsRecordOf(kind, r.fields));
  const bodies = await bodiesByCode(tx, records.map((r) => r.subjectCode).filter((c): c is string => !!c));
  const docNumbers = [...new Set(records.map((r) => r.docNumber!))];
  const existing = new Map<string, Known[]>();
  for (let i = 0; i < docNumbers.length; i += 500) {
    const found = await rawTransaction(tx).execute({ sql: EXISTING_SQL, args: [kind, JSON.stringify(docNumbers.slice(i, i + 500))] });
    for (const r of found.rows) {
      const values = JSON.parse(String(r[1])) as unknown[];
      values.push(r[2] ?? null);
      const doc = values[AT.docNumber] as string;
      existing.set(doc, [...(existing.get(doc) ?? []), { id: Number(r[0]), values }]);
    }
  }
  const inserts: NewSgsRecord[] = [];
  const updates: { id: number; next: NewSgsRecord }[] = [];
  rows.forEach((row, i) => {
    const record = records[i]!;
    // A row whose 数据来源单位 is plainly another department is that department's record: it imports it itself.
    const source = sourceOf(str(row.fields.sourceName));
    if (source && source.id !== department.id) {
      rejectRow(ctx, row.rowNumber, row.cells, "数据来源单位", `数据来源单位“${str(row.fields.sourceName)}”是${source.name}，不是本批次的部门：该部门的记录请由其自行导入，或由信用办选择该部门后导入`);
      return;
    }
    const place = placeRecord(record, bodies, units, department);
    if (!place) {
      rejectRow(ctx, row.rowNumber, row.cells, null, "无法确定所属区县：主体代码不在本市登记且代码中的行政区划不属本市，决定机关名称中也没有区县名");
      return;
    }
    const key = authorityKey(record.authorityName, record.authorityCode);
    const before = (existing.get(record.docNumber!) ?? [])
      .find((r) => authorityKey(r.values[AT.authorityName] as string | null, r.values[AT.authorityCode] as string | null) === key);
    // A record another department reported stays its own: a batch neither changes it nor takes it over.
    if (before && before.values[AT.departmentId] !== department.id) {
      rejectRow(ctx, row.rowNumber, row.cells, null, `该记录（${record.docNumber}）已由其他部门报送，本批次不能修改；如确属本部门，请联系信用办`);
      return;
    }
    // A corrected re-send keeps the date the record first reached the platform, unless the file states one.
    record.reportedDate ??= (before?.values[AT.reportedDate] as string | undefined) ?? ctx.today;
    const facts = deriveSgsFacts(record, ctx.calendar, ctx.today);
    const next = storedSgsRecord(record, { departmentId: department.id, ...place, failedRules: facts.failedRules, workingDaysLate: facts.workingDaysLate, importBatchId: ctx.batchId });
    noteProblems(ctx, row, [...problemReasons(row), ...describeFailedRules(JSON.parse(facts.failedRules) as string[]).map((f) => f.message)]);
    if (!before) {
      inserts.push(next);
      ctx.counts.inserted++;
      ctx.months.add(monthOf(record.decisionDate!));
      // A penalty also counts toward a firm's penalties of the following twelve months (高频处罚).
      if (kind === "penalty") touch(ctx, record.decisionDate);
      // A second row with the same key later in the chunk corrects this one.
      existing.set(record.docNumber!, [...(existing.get(record.docNumber!) ?? []), { id: -inserts.length, values: valuesOf(next) }]);
      return;
    }
    const nextValues = valuesOf(next);
    if (nextValues.every((v, i) => v === before.values[i])) {
      ctx.counts.unchanged++;
      return;
    }
    ctx.counts.updated++;
    ctx.months.add(monthOf(record.decisionDate!));
    const beforeDate = before.values[AT.decisionDate] as string | null;
    if (beforeDate) ctx.months.add(monthOf(beforeDate));
    if (kind === "penalty") touch(ctx, record.decisionDate, beforeDate);
    if (before.id < 0) inserts[-before.id - 1] = next; // not written yet: the insert takes the corrected values
    else updates.push({ id: before.id, next });
    before.values = nextValues;
  });
  for (const { id, next } of updates) await tx.update(sgsRecords).set(next).where(eq(sgsRecords.id, id));
  for (const record of inserts) ctx.inserter.add(sgsRecords, record);
  // Written before the next chunk looks for the records it corrects.
  await ctx.inserter.flush();
}
