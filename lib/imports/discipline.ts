import { and, eq, inArray } from "drizzle-orm";
import { blacklistEntries, govDefaultCases } from "@/db/schema";
import { DEBTOR_KINDS } from "@/db/schema/enums";
import { noteProblems, problemReasons, rejectRow, type DatasetHandler } from "./batch";
import { rowsOfRegisteredBodies, touch } from "./by-code";
import { num, str } from "./fields";
import { BLACKLIST_LAYOUT, GOV_DEFAULT_LAYOUT } from "./layouts/discipline";
import { bodiesByCode, loadCityUnits, placeRecord, type CityUnits } from "./place";

/** 严重失信名单 entries: one per body, list and listing date; a later file may add the removal. */
export const blacklistHandler = (): DatasetHandler => ({
  layout: BLACKLIST_LAYOUT,
  storeChunk: async (ctx, rows) => {
    const found = await rowsOfRegisteredBodies(ctx, rows);
    const ids = [...new Set(found.map((f) => f.entityId))];
    const existing = new Map<string, typeof blacklistEntries.$inferSelect>();
    const keyOf = (e: { entityId: number; listKind: string; listedOn: string }) => `${e.entityId}|${e.listKind}|${e.listedOn}`;
    for (let i = 0; i < ids.length; i += 500) {
      for (const e of await ctx.tx.select().from(blacklistEntries).where(inArray(blacklistEntries.entityId, ids.slice(i, i + 500)))) existing.set(keyOf(e), e);
    }
    for (const { row, entityId } of found) {
      const next = { entityId, listKind: str(row.fields.listKind)!, reason: str(row.fields.reason), listedOn: str(row.fields.listedOn)!, removedOn: str(row.fields.removedOn), departmentId: ctx.department!.id };
      if (next.removedOn && next.removedOn < next.listedOn) {
        rejectRow(ctx, row.rowNumber, row.cells, "移出日期", `移出日期${next.removedOn}早于列入日期${next.listedOn}`);
        continue;
      }
      noteProblems(ctx, row, problemReasons(row));
      const before = existing.get(keyOf(next));
      if (!before) {
        ctx.inserter.add(blacklistEntries, next);
        existing.set(keyOf(next), { id: -1, ...next });
        ctx.counts.inserted++;
      } else if ((before.reason ?? null) === next.reason && (before.removedOn ?? null) === next.removedOn && before.departmentId === next.departmentId) {
        ctx.counts.unchanged++;
        continue;
      } else {
        await ctx.inserter.flush();
        await ctx.tx.update(blacklistEntries).set(next).where(and(eq(blacklistEntries.entityId, entityId), eq(blacklistEntries.listKind, next.listKind), eq(blacklistEntries.listedOn, next.listedOn)));
        touch(ctx, before.removedOn);
        Object.assign(before, next);
        ctx.counts.updated++;
      }
      touch(ctx, next.listedOn, next.removedOn);
    }
    await ctx.inserter.flush();
  },
});

type DebtorKind = (typeof DEBTOR_KINDS)[number];
/** 被执行人类型 as courts write it. */
function debtorKindOf(text: string | null): DebtorKind | null {
  if (!text) return null;
  if (/国有|国企|国资/.test(text)) return "state_owned_enterprise";
  if (/事业/.test(text)) return "public_institution";
  if (/机关|政府|党政|行政|委员会|局|办/.test(text)) return "government";
  return null;
}

/** A district written as its name or its division code. */
function districtNamed(text: string | null, units: CityUnits): number | null {
  if (!text) return null;
  return units.districtByCode.get(text) ?? units.districts.find((d) => d.name === text || text.includes(d.name))?.id ?? null;
}

/** Government-default cases: one per court and case number; a later file may close it. */
export const govDefaultHandler = (): DatasetHandler => {
  let units: CityUnits | null = null;
  return {
    layout: GOV_DEFAULT_LAYOUT,
    storeChunk: async (ctx, rows) => {
      units ??= await loadCityUnits(ctx.tx);
      const bodies = await bodiesByCode(ctx.tx, rows.map((r) => str(r.fields.debtorCode)).filter((c): c is string => !!c));
      const numbers = [...new Set(rows.map((r) => str(r.fields.caseNumber)!))];
      const existing = new Map<string, typeof govDefaultCases.$inferSelect>();
      for (let i = 0; i < numbers.length; i += 500) {
        for (const c of await ctx.tx.select().from(govDefaultCases).where(inArray(govDefaultCases.caseNumber, numbers.slice(i, i + 500)))) existing.set(`${c.caseNumber}|${c.court}`, c);
      }
      for (const row of rows) {
        const kind = debtorKindOf(str(row.fields.debtorKind));
        if (!kind) {
          rejectRow(ctx, row.rowNumber, row.cells, "被执行人类型", `被执行人类型应为政府机关、事业单位或国有企业，实为“${str(row.fields.debtorKind) ?? ""}”`);
          continue;
        }
        const written = str(row.fields.district);
        const districtId = districtNamed(written, units)
          ?? placeRecord({ subjectCode: str(row.fields.debtorCode), authorityName: str(row.fields.court) }, bodies, units, ctx.department ?? { orgUnitId: null })?.districtId ?? null;
        if (!districtId) {
          rejectRow(ctx, row.rowNumber, row.cells, "所属区县", written ? `“${written}”不是本市的区县` : "无法确定所属区县：请填写所属区县");
          continue;
        }
        const next = {
          caseNumber: str(row.fields.caseNumber)!, court: str(row.fields.court)!, debtorName: str(row.fields.debtorName)!, debtorKind: kind,
          debtorCode: str(row.fields.debtorCode), districtId, amountWan: num(row.fields.amountWan), openedOn: str(row.fields.openedOn)!, closedOn: str(row.fields.closedOn),
        };
        if (next.closedOn && next.closedOn < next.openedOn) {
          rejectRow(ctx, row.rowNumber, row.cells, "结案日期", `结案日期${next.closedOn}早于立案日期${next.openedOn}`);
          continue;
        }
        noteProblems(ctx, row, problemReasons(row));
        const key = `${next.caseNumber}|${next.court}`;
        const before = existing.get(key);
        if (!before) {
          await ctx.tx.insert(govDefaultCases).values(next);
          existing.set(key, { id: -1, ...next });
          ctx.counts.inserted++;
        } else if (Object.entries(next).every(([k, v]) => (before[k as keyof typeof before] ?? null) === (v ?? null))) {
          ctx.counts.unchanged++;
          continue;
        } else {
          await ctx.tx.update(govDefaultCases).set(next).where(and(eq(govDefaultCases.caseNumber, next.caseNumber), eq(govDefaultCases.court, next.court)));
          touch(ctx, before.openedOn, before.closedOn);
          Object.assign(before, next);
          ctx.counts.updated++;
        }
        touch(ctx, next.openedOn, next.closedOn);
      }
    },
  };
};
