import { eq } from "drizzle-orm";
import { nationalRanks } from "@/db/schema";
import { noteProblems, problemReasons, rejectRow, type DatasetHandler } from "./batch";
import { num, str } from "./fields";
import { NATIONAL_RANK_LAYOUT } from "./layouts/city";

/** The national rank of each month, entered by the office; a corrected month replaces the old figures. */
export const nationalRankHandler = (): DatasetHandler => ({
  layout: NATIONAL_RANK_LAYOUT,
  storeChunk: async (ctx, rows) => {
    for (const row of rows) {
      const next = { month: str(row.fields.month)!, rank: num(row.fields.rank)!, totalCities: num(row.fields.totalCities)!, score: num(row.fields.score) };
      if (next.rank < 1 || next.totalCities < 1 || next.rank > next.totalCities) {
        rejectRow(ctx, row.rowNumber, row.cells, "排名", `排名${next.rank}应在1到城市总数${next.totalCities}之间`);
        continue;
      }
      noteProblems(ctx, row, problemReasons(row));
      const [before] = await ctx.tx.select().from(nationalRanks).where(eq(nationalRanks.month, next.month));
      if (!before) {
        await ctx.tx.insert(nationalRanks).values(next);
        ctx.counts.inserted++;
      } else if (before.rank === next.rank && before.totalCities === next.totalCities && (before.score ?? null) === next.score) {
        ctx.counts.unchanged++;
      } else {
        await ctx.tx.update(nationalRanks).set(next).where(eq(nationalRanks.month, next.month));
        ctx.counts.updated++;
      }
    }
  },
});
