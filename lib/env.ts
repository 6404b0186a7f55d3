import { z } from "zod";
// zod speaks Chinese in every process that reads the environment (all of them).
import "@/lib/write/zod-zh";

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, "DATABASE_URL 须以 file:、libsql://、http(s):// 或 ws(s):// 开头")
    .default("file:data/credit.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Reads the environment once, failing loudly on a malformed value rather than deep inside a query. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`环境变量有误：${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("；")}`);
  }
  return parsed.data;
}
