import { eq } from "drizzle-orm";
import { departments, orgUnits } from "@/db/schema";
import { canWrite } from "@/lib/auth/scope";
import { isIsoMonth } from "@/lib/dates";
import { notFound, Refusal, z, type WriteAction } from "@/lib/write";
import { monthlyProblems, storeMonthlyFigures, type MonthlyFigures } from "./monthly";

const count = (label: string) => z.coerce.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(0, `${label}不能为负数`);
// An empty box is "not given", not zero.
const optionalCount = (label: string) => z.preprocess((v) => (v === "" || v === undefined ? null : v), count(label).nullable());

const line = (kind: "license" | "penalty", label: string) => z.object({
  decisions: count(`${label}作出决定数`),
  publishedOwnSite: optionalCount(`${label}本单位网站公示数`),
  reported: optionalCount(`${label}已上报数`),
  notReported: optionalCount(`${label}未上报数`),
  notReportedGrounds: z.string().trim().max(2_000, "未上报的法定依据不超过2000字").optional().transform((v) => v || null),
}).transform((l) => ({ ...l, kind }));

const monthlyInput = z.object({
  month: z.string().refine(isIsoMonth, "月份应为 YYYY-MM"),
  departmentId: z.coerce.number().int().positive().nullable().optional().transform((v) => v ?? null),
  license: line("license", "许可"),
  penalty: line("penalty", "处罚"),
});

/**
 * A department files its monthly 双公示情况表 on the 数据 page (the city-wide figures of both kinds). Unlike a
 * file, a form can insist that the figures add up: an inconsistent line is refused with its reason.
 */
export const fillSgsMonthly: WriteAction<typeof monthlyInput, { month: string; department: string }> = {
  name: "sgs_monthly.fill", input: monthlyInput,
  allow: (v) => canWrite(v) && (v.role === "office" || v.role === "department"), refusal: "只有信用办和部门可以填报情况表",
  check: async (db, input, viewer) => {
    if (viewer.role === "department" && input.departmentId !== null && input.departmentId !== viewer.departmentId) throw new Refusal(403, "部门只能填报本部门的情况表");
    if (viewer.role === "office" && input.departmentId === null) throw new Refusal(422, "请选择填报的部门", { departmentId: "请选择填报的部门" });
  },
  run: async (tx, input, viewer) => {
    const departmentId = viewer.role === "department" ? viewer.departmentId! : input.departmentId!;
    const [department] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId));
    if (!department) throw notFound("所选部门不存在");
    const [city] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.level, "city"));
    if (!city) throw notFound("尚未设置本市的行政区划");
    const lines: MonthlyFigures[] = [input.license, input.penalty].map((l) => ({ ...l, month: input.month, departmentId, orgUnitId: city.id }));
    const errors: Record<string, string> = {};
    for (const l of lines) {
      const problems = monthlyProblems(l);
      if (problems.length > 0) errors[l.kind] = `${l.kind === "license" ? "许可" : "处罚"}：${problems.join("；")}`;
    }
    if (Object.keys(errors).length > 0) throw new Refusal(422, Object.values(errors).join("。"), errors);
    const filedAt = new Date().toISOString();
    for (const l of lines) await storeMonthlyFigures(tx, l, filedAt);
    return {
      value: { month: input.month, department: department.name },
      audit: { entityType: "sgs_monthly_report", entityId: `${input.month}/${departmentId}`, departmentId, summary: `填报${department.name}${input.month}双公示情况表：许可作出决定${input.license.decisions}件，处罚作出决定${input.penalty.decisions}件`, after: lines },
    };
  },
};
