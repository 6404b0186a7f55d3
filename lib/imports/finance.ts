import { and, eq, inArray } from "drizzle-orm";
import { taxRatings, xydEnrolments, xydLoans } from "@/db/schema";
import { TAX_GRADES } from "@/db/schema/enums";
import { noteProblems, problemReasons, rejectRow, type DatasetHandler } from "./batch";
import { rowsOfRegisteredBodies, touch } from "./by-code";
import { num, str } from "./fields";
import { TAX_RATINGS_LAYOUT, XYD_ENROLMENTS_LAYOUT, XYD_LOANS_LAYOUT } from "./layouts/city";

type Grade = (typeof TAX_GRADES)[number];
/** "A", "A级", "a 级" → A; anything else is not a grade. */
function gradeOf(text: string | null): Grade | null {
  const g = /^([ABMCD])\s*级?$/i.exec((text ?? "").trim())?.[1]?.toUpperCase();
  return (g as Grade | undefined) ?? null;
}

/** 纳税信用等级: one rating per body and year; a corrected grade or date replaces the old one. */
export const taxRatingsHandler = (): DatasetHandler => ({
  layout: TAX_RATINGS_LAYOUT,
  storeChunk: async (ctx, rows) => {
    const found = await rowsOfRegisteredBodies(ctx, rows);
    const existing = new Map<string, typeof taxRatings.$inferSelect>();
    const ids = [...new Set(found.map((f) => f.entityId))];
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await ctx.tx.select().from(taxRatings).where(inArray(taxRatings.entityId, ids.slice(i, i + 500)))) existing.set(`${r.entityId}|${r.ratingYear}`, r);
    }
    for (const { row, entityId } of found) {
      const grade = gradeOf(str(row.fields.grade));
      const year = num(row.fields.ratingYear)!;
      if (!grade) {
        rejectRow(ctx, row.rowNumber, row.cells, "信用级别", `信用级别应为 A、B、M、C 或 D，实为“${str(row.fields.grade)}”`);
        continue;
      }
      if (year < 2014 || year > Number(ctx.today.slice(0, 4))) {
        rejectRow(ctx, row.rowNumber, row.cells, "评价年度", `评价年度${year}不在2014年至今年之间`);
        continue;
      }
      const publishedOn = str(row.fields.publishedOn) ?? `${year + 1}-04-01`;
      noteProblems(ctx, row, problemReasons(row));
      const key = `${entityId}|${year}`;
      const before = existing.get(key);
      const next = { entityId, ratingYear: year, grade, publishedOn };
      if (!before) {
        ctx.inserter.add(taxRatings, next);
        existing.set(key, { id: -1, ...next });
        ctx.counts.inserted++;
      } else if (before.grade === grade && before.publishedOn === publishedOn) {
        ctx.counts.unchanged++;
        continue;
      } else {
        await ctx.inserter.flush(); // a row inserted earlier in this chunk is updated in place
        await ctx.tx.update(taxRatings).set(next).where(and(eq(taxRatings.entityId, entityId), eq(taxRatings.ratingYear, year)));
        touch(ctx, before.publishedOn);
        Object.assign(before, next);
        ctx.counts.updated++;
      }
      touch(ctx, publishedOn);
    }
    await ctx.inserter.flush();
  },
});

/** 信易贷 enrolments: one per body; a later file may add its verification date. */
export const xydEnrolmentsHandler = (): DatasetHandler => ({
  layout: XYD_ENROLMENTS_LAYOUT,
  storeChunk: async (ctx, rows) => {
    const found = await rowsOfRegisteredBodies(ctx, rows);
    const existing = new Map<number, typeof xydEnrolments.$inferSelect>();
    const ids = [...new Set(found.map((f) => f.entityId))];
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await ctx.tx.select().from(xydEnrolments).where(inArray(xydEnrolments.entityId, ids.slice(i, i + 500)))) existing.set(r.entityId, r);
    }
    for (const { row, entityId } of found) {
      const enrolledOn = str(row.fields.enrolledOn)!;
      const verifiedOn = str(row.fields.verifiedOn);
      if (verifiedOn && verifiedOn < enrolledOn) {
        rejectRow(ctx, row.rowNumber, row.cells, "认证日期", `认证日期${verifiedOn}早于注册日期${enrolledOn}`);
        continue;
      }
      noteProblems(ctx, row, problemReasons(row));
      const before = existing.get(entityId);
      const next = { entityId, enrolledOn, verifiedOn };
      if (!before) {
        ctx.inserter.add(xydEnrolments, next);
        existing.set(entityId, { id: -1, ...next });
        ctx.counts.inserted++;
      } else if (before.enrolledOn === enrolledOn && (before.verifiedOn ?? null) === verifiedOn) {
        ctx.counts.unchanged++;
        continue;
      } else {
        await ctx.inserter.flush();
        await ctx.tx.update(xydEnrolments).set(next).where(eq(xydEnrolments.entityId, entityId));
        touch(ctx, before.enrolledOn, before.verifiedOn);
        Object.assign(before, next);
        ctx.counts.updated++;
      }
      touch(ctx, enrolledOn, verifiedOn);
    }
    await ctx.inserter.flush();
  },
});

/** 信易贷 loans: a loan is its body, date, amount and lender; the same loan sent again changes nothing. */
export const xydLoansHandler = (): DatasetHandler => ({
  layout: XYD_LOANS_LAYOUT,
  storeChunk: async (ctx, rows) => {
    const found = await rowsOfRegisteredBodies(ctx, rows);
    const seen = new Set<string>();
    const ids = [...new Set(found.map((f) => f.entityId))];
    const keyOf = (l: { entityId: number; grantedOn: string; amountWan: number; lender: string | null }) => `${l.entityId}|${l.grantedOn}|${l.amountWan}|${l.lender ?? ""}`;
    for (let i = 0; i < ids.length; i += 500) {
      for (const l of await ctx.tx.select().from(xydLoans).where(inArray(xydLoans.entityId, ids.slice(i, i + 500)))) seen.add(keyOf(l));
    }
    for (const { row, entityId } of found) {
      const loan = { entityId, grantedOn: str(row.fields.grantedOn)!, amountWan: num(row.fields.amountWan)!, lender: str(row.fields.lender) };
      if (!(loan.amountWan > 0)) {
        rejectRow(ctx, row.rowNumber, row.cells, "放款金额(万元)", "放款金额应大于0");
        continue;
      }
      noteProblems(ctx, row, problemReasons(row));
      if (seen.has(keyOf(loan))) {
        ctx.counts.unchanged++;
        continue;
      }
      seen.add(keyOf(loan));
      ctx.inserter.add(xydLoans, loan);
      ctx.counts.inserted++;
      touch(ctx, loan.grantedOn);
    }
    await ctx.inserter.flush();
  },
});
