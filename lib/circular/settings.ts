import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appMeta } from "@/db/schema";
import { DEFAULT_CIRCULAR_SETTINGS, type CircularSettings } from "./facts";

export const circularSettingsSchema = z.object({
  documentNumberPrefix: z.string().trim().min(1, "请填写发文字号的机关代字").max(20, "机关代字不超过20字"),
  addressees: z.string().trim().min(1, "请填写主送机关").max(200, "主送机关不超过200字"),
  issuer: z.string().trim().min(1, "请填写发文机关").max(60, "发文机关不超过60字"),
});

const KEY = "circular_settings";

/** The office's circular settings (发文字号代字, 主送机关, 发文机关); defaults until it sets them. */
export async function getCircularSettings(db: Db): Promise<CircularSettings> {
  const [row] = await db.select().from(appMeta).where(eq(appMeta.key, KEY));
  const parsed = circularSettingsSchema.safeParse(row ? JSON.parse(row.value) : null);
  return parsed.success ? parsed.data : DEFAULT_CIRCULAR_SETTINGS;
}

export async function saveCircularSettings(db: Db, raw: unknown): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
  const parsed = circularSettingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  const value = JSON.stringify(parsed.data);
  await db.insert(appMeta).values({ key: KEY, value }).onConflictDoUpdate({ target: appMeta.key, set: { value } });
  return { ok: true };
}
