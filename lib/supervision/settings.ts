import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departments, indicators, supervisionSettings } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { Refusal, z, type Tx, type WriteAction } from "@/lib/write";
import { DEFAULT_WORKING_DAYS } from "./deadline";

export interface SupervisionSettings {
  /** Working days from opening to the default deadline. */
  defaultWorkingDays: number;
  /** Indicators whose new red warnings open an item by themselves. */
  autoOpen: string[];
}

const DEFAULTS: SupervisionSettings = { defaultWorkingDays: DEFAULT_WORKING_DAYS, autoOpen: [] };

export async function readSupervisionSettings(db: Db | Tx): Promise<SupervisionSettings> {
  const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  if (!row) return DEFAULTS;
  return { defaultWorkingDays: row.defaultWorkingDays, autoOpen: JSON.parse(row.autoOpenIndicators) as string[] };
}

const settingsInput = z.object({
  defaultWorkingDays: z.coerce.number({ error: "默认期限应为工作日天数" }).int("默认期限应为整数个工作日").min(1, "默认期限至少1个工作日").max(60, "默认期限不超过60个工作日"),
  autoOpen: z.array(z.string().max(60)).max(100).default([]),
});

/** The office sets the default deadline and which indicators' new red warnings open a 督办 item by themselves. */
export const saveSupervisionSettings: WriteAction<typeof settingsInput, null> = {
  name: "supervision.settings", input: settingsInput, allow: isOffice, refusal: "只有信用办可以修改督办设置",
  check: async (db, input) => {
    const codes = [...new Set(input.autoOpen)];
    if (codes.length === 0) return;
    const known = await db.select({ code: indicators.code }).from(indicators).where(inArray(indicators.code, codes));
    if (known.length !== codes.length) throw new Refusal(422, "所选指标不存在", { autoOpen: "所选指标不存在" });
  },
  run: async (tx, input) => {
    const before = await readSupervisionSettings(tx);
    const autoOpen = [...new Set(input.autoOpen)].sort();
    const row = { defaultWorkingDays: input.defaultWorkingDays, autoOpenIndicators: JSON.stringify(autoOpen), updatedAt: new Date().toISOString() };
    await tx.insert(supervisionSettings).values({ id: 1, ...row }).onConflictDoUpdate({ target: supervisionSettings.id, set: row });
    return { value: null, audit: { entityType: "supervision_settings", entityId: 1, summary: `督办设置：默认期限${input.defaultWorkingDays}个工作日，自动督办指标${autoOpen.length}个`, before, after: { defaultWorkingDays: input.defaultWorkingDays, autoOpen } } };
  },
};

/** The catalogue's indicators with their owner departments' names, for the settings form. */
export async function indicatorChoices(db: Db): Promise<{ code: string; name: string; owners: string }[]> {
  const [catalogue, all] = await Promise.all([
    db.select({ code: indicators.code, name: indicators.name, owners: indicators.ownerDepartments }).from(indicators).orderBy(indicators.sortOrder),
    db.select({ code: departments.code, name: departments.shortName }).from(departments),
  ]);
  return catalogue.map((i) => ({ code: i.code, name: i.name, owners: (JSON.parse(i.owners) as string[]).map((c) => all.find((d) => d.code === c)?.name ?? c).join("、") }));
}
