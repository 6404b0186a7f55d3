import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, orgUnits, type Role } from "@/db/schema";
import { systemViewer } from "@/lib/auth/viewer";
import { createUser } from "@/lib/users/actions";
import { write } from "@/lib/write";

/** The demo city's accounts, one or two per role; the README lists them. */
export const DEMO_PASSWORD = "Shifan@2026";
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; department?: string; district?: string }[] = [
  { username: "leader", displayName: "市领导", role: "leader" },
  { username: "office", displayName: "市信用办", role: "office" },
  { username: "samr", displayName: "市市场监管局", role: "department", department: "samr" },
  { username: "tax", displayName: "市税务局", role: "department", department: "tax" },
  { username: "chengguan", displayName: "城关区信用办", role: "district", district: "339902" },
  { username: "xishan", displayName: "西山区信用办", role: "district", district: "339904" },
];

export async function createDemoAccounts(db: Db): Promise<void> {
  const actor = systemViewer("示范数据生成");
  for (const account of DEMO_ACCOUNTS) {
    const [department] = account.department ? await db.select({ id: departments.id }).from(departments).where(eq(departments.code, account.department)) : [];
    const [district] = account.district ? await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, account.district)) : [];
    const outcome = await write(db, actor, createUser, {
      username: account.username, password: DEMO_PASSWORD, displayName: account.displayName, role: account.role,
      departmentId: department?.id ?? null, districtId: district?.id ?? null,
    });
    if (!outcome.ok) throw new Error(`示范账号 ${account.username} 创建失败：${outcome.message}`);
  }
}
