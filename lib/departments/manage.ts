import { and, asc, eq, ne, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentAliases, departments } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { conflict, notFound, z, type WriteAction } from "@/lib/write";

const departmentInput = z.object({
  id: z.coerce.number().int().positive().optional(),
  code: z.string().trim().regex(/^[a-z][a-z0-9_-]{1,39}$/, "代码用小写字母开头，可含数字、-、_，2–40个字符"),
  name: z.string().trim().min(2, "请填写全称").max(60, "全称不超过60字"),
  shortName: z.string().trim().min(2, "请填写简称").max(30, "简称不超过30字"),
});

/** The office adds a department or renames one; its records, tasks and items keep pointing at it. */
export const saveDepartment: WriteAction<typeof departmentInput, { id: number }> = {
  name: "department.save", input: departmentInput, allow: isOffice, refusal: "只有信用办可以维护部门名单",
  check: async (db, input) => {
    const clash = await db.select({ id: departments.id, name: departments.name, code: departments.code }).from(departments)
      .where(and(or(eq(departments.code, input.code), eq(departments.name, input.name)), input.id ? ne(departments.id, input.id) : undefined));
    if (clash.some((d) => d.code === input.code)) throw conflict(`代码“${input.code}”已被其他部门使用`);
    if (clash.length > 0) throw conflict(`已有部门名为“${input.name}”`);
  },
  run: async (tx, input) => {
    if (input.id) {
      const [before] = await tx.select().from(departments).where(eq(departments.id, input.id));
      if (!before) throw notFound("没有这个部门");
      await tx.update(departments).set({ code: input.code, name: input.name, shortName: input.shortName }).where(eq(departments.id, input.id));
      return { value: { id: input.id }, audit: { entityType: "department", entityId: input.id, departmentId: input.id, summary: `修改部门“${before.name}”为“${input.name}”（简称${input.shortName}）`, before, after: input } };
    }
    const [row] = await tx.insert(departments).values({ code: input.code, name: input.name, shortName: input.shortName, sortOrder: 999 }).returning({ id: departments.id });
    return { value: { id: row!.id }, audit: { entityType: "department", entityId: row!.id, departmentId: row!.id, summary: `新增部门“${input.name}”`, after: input } };
  },
};

const aliasInput = z.object({
  departmentId: z.coerce.number().int().positive(),
  alias: z.string().trim().min(2, "别名至少2个字").max(60, "别名不超过60字"),
});

/** A name plans and files use for a department ("市场监管局", "市监局"): matched to it from then on. */
export const addDepartmentAlias: WriteAction<typeof aliasInput, null> = {
  name: "department.alias_add", input: aliasInput, allow: isOffice, refusal: "只有信用办可以维护部门别名",
  run: async (tx, input) => {
    const [dep] = await tx.select().from(departments).where(eq(departments.id, input.departmentId));
    if (!dep) throw notFound("没有这个部门");
    const [other] = await tx.select({ name: departments.name }).from(departments)
      .where(and(or(eq(departments.name, input.alias), eq(departments.shortName, input.alias)), ne(departments.id, input.departmentId)));
    if (other) throw conflict(`“${input.alias}”是另一个部门（${other.name}）的名称，不能作为别名`);
    await tx.insert(departmentAliases).values(input).onConflictDoNothing();
    return { value: null, audit: { entityType: "department", entityId: dep.id, departmentId: dep.id, summary: `为“${dep.name}”添加别名“${input.alias}”` } };
  },
};

export const removeDepartmentAlias: WriteAction<typeof aliasInput, null> = {
  name: "department.alias_remove", input: aliasInput, allow: isOffice, refusal: "只有信用办可以维护部门别名",
  run: async (tx, input) => {
    const removed = await tx.delete(departmentAliases).where(and(eq(departmentAliases.departmentId, input.departmentId), eq(departmentAliases.alias, input.alias))).returning();
    if (removed.length === 0) throw notFound("没有这个别名");
    return { value: null, audit: { entityType: "department", entityId: input.departmentId, departmentId: input.departmentId, summary: `删除别名“${input.alias}”` } };
  },
};

/** The department list with each one's aliases, for the settings page. */
export async function departmentsWithAliases(db: Db) {
  const [list, aliases] = await Promise.all([
    db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.id)),
    db.select().from(departmentAliases).orderBy(asc(departmentAliases.alias)),
  ]);
  return list.map((d) => ({ ...d, aliases: aliases.filter((a) => a.departmentId === d.id).map((a) => a.alias) }));
}
