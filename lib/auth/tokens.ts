import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, departments } from "@/db/schema";
import { todayInChina } from "@/lib/dates";
import { notFound, Refusal, z, type WriteAction } from "@/lib/write";
import { bestEffort, hashSecret, newSecret } from "./sessions";
import { isOffice } from "./scope";
import type { Viewer } from "./viewer";

/** Tokens start with this, so a leaked one is recognisable in logs and code. */
export const TOKEN_PREFIX = "xyjc_";

export const issueTokenInput = z.object({
  departmentId: z.coerce.number({ error: "请选择部门" }).int().positive("请选择部门"),
  name: z.string({ error: "请填写用途" }).trim().min(1, "请填写用途，例如“业务系统自动报送”").max(60, "用途不超过60字"),
});

/** Issues a token for a department: the token is returned once, only its hash is kept. */
export const issueToken: WriteAction<typeof issueTokenInput, { id: number; token: string }> = {
  name: "token.issue", input: issueTokenInput, allow: isOffice, refusal: "只有信用办可以发放接口令牌",
  // A resent form learns the token was issued, never the token again: it is shown once.
  receipt: ({ id }) => ({ id, token: "" }),
  check: async (db, input) => {
    const [dep] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!dep) throw new Refusal(422, "所选部门不存在", { departmentId: "所选部门不存在" });
  },
  run: async (tx, input, viewer) => {
    const { token, hash } = newSecret(TOKEN_PREFIX);
    const [row] = await tx.insert(apiTokens).values({
      departmentId: input.departmentId, name: input.name, tokenHash: hash, prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdAt: new Date().toISOString(), createdBy: viewer.userId,
    }).returning({ id: apiTokens.id });
    return {
      value: { id: row!.id, token },
      audit: { entityType: "api_token", entityId: row!.id, departmentId: input.departmentId, summary: `发放接口令牌“${input.name}”`, after: { name: input.name, departmentId: input.departmentId } },
    };
  },
};

export const revokeTokenInput = z.object({ id: z.coerce.number().int().positive() });

export const revokeToken: WriteAction<typeof revokeTokenInput, null> = {
  name: "token.revoke", input: revokeTokenInput, allow: isOffice, refusal: "只有信用办可以吊销接口令牌",
  check: async (db, input) => {
    const [row] = await db.select({ revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, input.id));
    if (!row) throw notFound("该令牌不存在");
    if (row.revokedAt) throw new Refusal(409, "该令牌已吊销");
  },
  run: async (tx, input) => {
    const [row] = await tx.update(apiTokens).set({ revokedAt: new Date().toISOString() }).where(eq(apiTokens.id, input.id)).returning();
    return { value: null, audit: { entityType: "api_token", entityId: input.id, departmentId: row!.departmentId, summary: `吊销接口令牌“${row!.name}”`, before: { revokedAt: null }, after: { revokedAt: row!.revokedAt } } };
  },
};

/** The viewer an `Authorization: Bearer` token stands for: always a 部门 of its department. */
export async function viewerOfToken(db: Db, token: string, address: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db.select({ token: apiTokens, department: departments }).from(apiTokens)
    .innerJoin(departments, eq(departments.id, apiTokens.departmentId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  // Its last use, noted once a China day (a best-effort write: a busy store skips it).
  const today = todayInChina();
  if (!row.token.lastUsedAt || todayInChina(new Date(row.token.lastUsedAt)) !== today) {
    await bestEffort(db.update(apiTokens).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiTokens.id, row.token.id)));
  }
  return {
    userId: null, tokenId: row.token.id, username: `token:${row.token.prefix}`, displayName: `${row.department.shortName}·${row.token.name}`,
    role: "department", departmentId: row.department.id, districtId: null, sessionId: null, address,
  };
}
