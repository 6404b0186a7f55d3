import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { departmentRobots, departments, noticeDeliveries, ROBOT_KINDS } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { ROBOT_KIND_LABELS as ROBOT_LABELS, robotUrlProblem } from "@/lib/notify/robots";
import { notFound, Refusal, z, type WriteAction } from "@/lib/write";

const robotInput = z.object({
  departmentId: z.coerce.number({ error: "请选择部门" }).int().positive("请选择部门"),
  kind: z.enum(ROBOT_KINDS, { error: "请选择企业微信或钉钉" }),
  url: z.string().trim().min(1, "请填写机器人的 Webhook 地址").max(500, "地址过长"),
  secret: z.string().trim().max(200, "加签密钥过长").optional().transform((v) => v || null),
});

/** The office sets a department's group robot; the address and secret are checked before they are kept. */
export const saveRobot: WriteAction<typeof robotInput, null> = {
  name: "robot.save", input: robotInput, allow: isOffice, refusal: "只有信用办可以设置工作群机器人",
  check: async (db, input) => {
    const problem = robotUrlProblem({ kind: input.kind, url: input.url, secret: input.secret });
    if (problem) throw new Refusal(422, problem, { url: problem });
    const [dep] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!dep) throw notFound("所选部门不存在");
  },
  run: async (tx, input) => {
    const now = new Date().toISOString();
    await tx.insert(departmentRobots).values({ ...input, updatedAt: now })
      .onConflictDoUpdate({ target: [departmentRobots.departmentId, departmentRobots.kind], set: { url: input.url, secret: input.secret, updatedAt: now } });
    // The key in the address and the secret are credentials: the audit row names the robot, not them.
    return { value: null, audit: { entityType: "department_robot", entityId: `${input.departmentId}/${input.kind}`, departmentId: input.departmentId, summary: `设置${ROBOT_LABELS[input.kind]}群机器人`, after: { kind: input.kind, signed: !!input.secret } } };
  },
};

const removeInput = z.object({ departmentId: z.coerce.number().int().positive(), kind: z.enum(ROBOT_KINDS) });

export const removeRobot: WriteAction<typeof removeInput, null> = {
  name: "robot.remove", input: removeInput, allow: isOffice, refusal: "只有信用办可以设置工作群机器人",
  run: async (tx, input) => {
    await tx.delete(departmentRobots).where(and(eq(departmentRobots.departmentId, input.departmentId), eq(departmentRobots.kind, input.kind)));
    return { value: null, audit: { entityType: "department_robot", entityId: `${input.departmentId}/${input.kind}`, departmentId: input.departmentId, summary: `删除${ROBOT_LABELS[input.kind]}群机器人` } };
  },
};

/** The robots set per department, and the latest delivery attempts, for the settings page. */
export async function robotSettings(db: Db) {
  const [robots, deliveries] = await Promise.all([
    db.select({ robot: departmentRobots, name: departments.shortName }).from(departmentRobots).innerJoin(departments, eq(departments.id, departmentRobots.departmentId)),
    db.select({ d: noticeDeliveries, name: departments.shortName }).from(noticeDeliveries).leftJoin(departments, eq(departments.id, noticeDeliveries.departmentId)).orderBy(desc(noticeDeliveries.id)).limit(50),
  ]);
  return { robots, deliveries };
}
