import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { nationalRanks } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { isIsoMonth } from "@/lib/dates";
import { z, type WriteAction } from "@/lib/write";

const rankInput = z.object({
  month: z.string().trim().refine(isIsoMonth, "月份应为 YYYY-MM，如 2026-10"),
  rank: z.coerce.number({ error: "名次应为整数" }).int("名次应为整数").min(1, "名次至少为1"),
  totalCities: z.coerce.number({ error: "参评城市数应为整数" }).int("参评城市数应为整数").min(1, "参评城市数至少为1").max(1_000, "参评城市数不超过1000"),
  score: z.union([z.literal(""), z.coerce.number({ error: "得分应为数字" }).min(0, "得分不能为负").max(100, "得分不超过100")]).optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
}).refine((v) => v.rank <= v.totalCities, { message: "名次不能大于参评城市数", path: ["rank"] });

/** The office enters a month's national rank (as the national platform publishes it); a month entered again is corrected. */
export const saveNationalRank: WriteAction<typeof rankInput, null> = {
  name: "national_rank.save", input: rankInput, allow: isOffice, refusal: "只有信用办可以录入全国排名",
  run: async (tx, input) => {
    const [before] = await tx.select().from(nationalRanks).where(eq(nationalRanks.month, input.month));
    await tx.insert(nationalRanks).values(input).onConflictDoUpdate({ target: nationalRanks.month, set: { rank: input.rank, totalCities: input.totalCities, score: input.score } });
    return { value: null, audit: { entityType: "national_rank", entityId: input.month, summary: `${before ? "更正" : "录入"}${input.month}全国排名：第${input.rank}名/${input.totalCities}个城市`, before: before ?? null, after: input } };
  },
};

/** The ranks entered or imported, newest first. */
export function listNationalRanks(db: Db) {
  return db.select().from(nationalRanks).orderBy(desc(nationalRanks.month)).limit(60);
}
