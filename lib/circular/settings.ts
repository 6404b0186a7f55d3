import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appMeta } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { z, type Tx, type WriteAction } from "@/lib/write";
import { DEFAULT_CIRCULAR_SETTINGS, type CircularSettings } from "./facts";

export const circularSettingsSchema = z.object({
  documentNumberPrefix: z.string().trim().min(1, "请填写发文字号的机关代字").max(20, "机关代字不超过20字"),
  addressees: z.string().trim().min(1, "请填写主送机关").max(200, "主送机关不超过200字"),
  issuer: z.string().trim().min(1, "请填写发文机关").max(60, "发文机关不超过60字"),
  // Settings saved before 抄送 existed read with the default.
  copyTo: z.string().trim().max(200, "抄送机关不超过200字").default(DEFAULT_CIRCULAR_SETTINGS.copyTo),
});

const KEY = "circular_settings";

/** The office's circular settings (发文字号代字, 主送机关, 发文机关); defaults until it sets them. */
export async function getCircularSettings(db: Db | Tx): Promise<CircularSettings> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, KEY));
  const parsed = circularSettingsSchema.safeParse(row ? JSON.parse(row.value) : null);
  return parsed.success ? parsed.data : DEFAULT_CIRCULAR_SETTINGS;
}

/** The office changes 发文字号代字, 主送机关 or 发文机关. */
export const saveCircularSettings: WriteAction<typeof circularSettingsSchema, null> = {
  name: "circular.settings", input: circularSettingsSchema, allow: isOffice, refusal: "只有信用办可以修改通报设置",
  run: async (tx, input) => {
    const before = await getCircularSettings(tx);
    const value = JSON.stringify(input);
    await tx.insert(appMeta).values({ key: KEY, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } });
    return { value: null, audit: { entityType: "settings", entityId: KEY, summary: "修改通报设置", before, after: input } };
  },
};
