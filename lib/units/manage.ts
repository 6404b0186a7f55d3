import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgUnits } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { isIsoMonth } from "@/lib/dates";
import { conflict, notFound, Refusal, z, type WriteAction } from "@/lib/write";

const unitInput = z.object({
  id: z.coerce.number().int().positive().optional(),
  code: z.string().trim().regex(/^\d{6}(\d{3})?$/, "区划代码应为6位（区县）或9位（镇街）数字"),
  name: z.string().trim().min(2, "请填写名称").max(30, "名称不超过30字"),
  level: z.enum(["district", "town"], { error: "请选择区县或镇街" }),
  districtKind: z.enum(["administrative", "functional"]).optional(),
  parentId: z.coerce.number().int().positive().optional(),
});

/**
 * The office adds a district, 功能区 or town, or renames one and corrects its division code. Records point at the
 * unit, not its name, so they stay with it.
 */
export const saveUnit: WriteAction<typeof unitInput, { id: number }> = {
  name: "org_unit.save", input: unitInput, allow: isOffice, refusal: "只有信用办可以维护区县和镇街",
  check: async (db, input) => {
    const [clash] = await db.select({ name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.code, input.code), input.id ? ne(orgUnits.id, input.id) : undefined));
    if (clash) throw conflict(`区划代码${input.code}已是“${clash.name}”的`);
    if (input.level === "town") {
      const [parent] = input.parentId ? await db.select().from(orgUnits).where(eq(orgUnits.id, input.parentId)) : [];
      if (!parent || parent.level !== "district") throw new Refusal(422, "镇街须属于一个区县", { parentId: "请选择所属区县" });
    }
  },
  run: async (tx, input) => {
    const [city] = await tx.select().from(orgUnits).where(eq(orgUnits.level, "city"));
    const parentId = input.level === "district" ? city!.id : input.parentId!;
    const districtKind = input.level === "district" ? input.districtKind ?? "administrative" : null;
    if (input.id) {
      const [before] = await tx.select().from(orgUnits).where(eq(orgUnits.id, input.id));
      if (!before || before.level === "city") throw notFound("没有这个区县或镇街");
      if (before.level !== input.level) throw new Refusal(422, "不能改变单位的层级", { level: "不能改变单位的层级" });
      await tx.update(orgUnits).set({ code: input.code, name: input.name, districtKind, parentId }).where(eq(orgUnits.id, input.id));
      return { value: { id: input.id }, audit: { entityType: "org_unit", entityId: input.id, summary: `修改${before.name}为${input.name}（${input.code}）`, before, after: input } };
    }
    const [row] = await tx.insert(orgUnits).values({ code: input.code, name: input.name, level: input.level, districtKind, parentId, sortOrder: 999 }).returning({ id: orgUnits.id });
    return { value: { id: row!.id }, audit: { entityType: "org_unit", entityId: row!.id, summary: `新增${input.level === "district" ? "区县" : "镇街"}${input.name}（${input.code}）`, after: input } };
  },
};

const retireInput = z.object({
  id: z.coerce.number().int().positive(),
  retiredFrom: z.string().trim().refine((v) => v === "" || isIsoMonth(v), "撤销月份应为 YYYY-MM").transform((v) => v || null),
});

/** A unit merged or abolished from a month on: earlier months keep its values and ranks; later ones leave it out. Empty brings it back. */
export const retireUnit: WriteAction<typeof retireInput, { retiredFrom: string | null }> = {
  name: "org_unit.retire", input: retireInput, allow: isOffice, refusal: "只有信用办可以维护区县和镇街",
  run: async (tx, input) => {
    const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.id, input.id));
    if (!unit || unit.level === "city") throw notFound("没有这个区县或镇街");
    await tx.update(orgUnits).set({ retiredFrom: input.retiredFrom }).where(eq(orgUnits.id, input.id));
    return { value: { retiredFrom: input.retiredFrom }, audit: { entityType: "org_unit", entityId: unit.id, summary: input.retiredFrom ? `${unit.name}自${input.retiredFrom}起撤销` : `恢复${unit.name}` } };
  },
};

/** Districts with their towns, in order, for the settings page. */
export async function unitTree(db: Db) {
  const all = await db.select().from(orgUnits).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id));
  return all.filter((u) => u.level === "district").map((d) => ({ ...d, towns: all.filter((t) => t.parentId === d.id && t.level === "town") }));
}
