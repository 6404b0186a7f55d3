import { parseArgs } from "node:util";
import { eq, or } from "drizzle-orm";
import { dbConfigFromEnv, openDb, tuneLocalDb, type Db } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { departments, orgUnits, ROLE_LABELS, ROLES, type Role } from "@/db/schema";
import { systemViewer } from "@/lib/auth/viewer";
import { createUser } from "@/lib/users/actions";
import { write } from "@/lib/write";

const USAGE = `用法：npm run user:add -- --username 账号 --name 姓名或单位 --role office|leader|department|district
         [--department 部门代码或名称] [--district 区县代码或名称]
密码取自环境变量 USER_PASSWORD；未设置时在终端中输入两次（不回显）。
首个信用办账号：npm run user:add -- --username admin --name 市信用办 --role office`;

class UsageError extends Error {}
/** A refusal the operator can act on: exit 1 with its message. */
class Refused extends Error {}

async function main() {
  const { values: args } = parseArgs({
    options: {
      username: { type: "string" }, name: { type: "string" }, role: { type: "string" },
      department: { type: "string" }, district: { type: "string" }, help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.username) throw new UsageError("缺少 --username（账号）");
  if (!args.name) throw new UsageError("缺少 --name（姓名或单位）");
  if (!args.role || !(ROLES as readonly string[]).includes(args.role)) throw new UsageError(`--role 应为 ${ROLES.join("、")} 之一（${ROLES.map((r) => ROLE_LABELS[r]).join("、")}）`);
  const role = args.role as Role;
  if (role === "department" && !args.department) throw new UsageError("部门账号须用 --department 指定所属部门（代码或名称）");
  if (role === "district" && !args.district) throw new UsageError("区县账号须用 --district 指定所属区县（代码或名称）");

  const config = dbConfigFromEnv();
  const db = openDb(config);
  try {
    await tuneLocalDb(db, config.url);
    await migrateDb(db);
    const departmentId = role === "department" ? await findDepartment(db, args.department!) : null;
    const districtId = role === "district" ? await findDistrict(db, args.district!) : null;
    const password = await readPassword();
    const outcome = await write(db, systemViewer("命令行 user:add"), createUser, {
      username: args.username, displayName: args.name, role, departmentId, districtId, password,
    });
    if (!outcome.ok) {
      // A form-level refusal repeats its field's message; several field errors are all listed.
      const errors = Object.values(outcome.fieldErrors);
      const details = errors.length > 1 ? errors.filter((m) => m !== outcome.message) : [];
      console.error(`未能创建账号：${[outcome.message, ...details].join("；")}`);
      process.exitCode = 1;
      return;
    }
    const scope = departmentId ? `，所属部门：${args.department}` : districtId ? `，所属区县：${args.district}` : "";
    console.log(`已创建${ROLE_LABELS[role]}账号“${args.username.trim()}”（${args.name.trim()}${scope}），可以登录。`);
  } finally {
    db.$client.close();
  }
}

/** A department by its code, full name or short name. */
async function findDepartment(db: Db, key: string): Promise<number> {
  const k = key.trim();
  const rows = await db.select({ id: departments.id }).from(departments)
    .where(or(eq(departments.code, k), eq(departments.name, k), eq(departments.shortName, k)));
  if (rows.length === 1) return rows[0]!.id;
  throw new Refused(rows.length === 0 ? `找不到部门“${k}”（可用部门代码、全称或简称）` : `“${k}”对应多个部门，请改用部门代码`);
}

/** A district (level 区县) by its division code or name. */
async function findDistrict(db: Db, key: string): Promise<number> {
  const k = key.trim();
  const rows = await db.select({ id: orgUnits.id, level: orgUnits.level }).from(orgUnits).where(or(eq(orgUnits.code, k), eq(orgUnits.name, k)));
  const districts = rows.filter((r) => r.level === "district");
  if (districts.length === 1) return districts[0]!.id;
  throw new Refused(districts.length === 0 ? `找不到区县“${k}”（可用区划代码或名称）` : `“${k}”对应多个区县，请改用区划代码`);
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.USER_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError("请设置环境变量 USER_PASSWORD，或在终端中运行以输入密码");
  const first = await promptHidden("密码：");
  const second = await promptHidden("再次输入密码：");
  if (first !== second) throw new Refused("两次输入的密码不一致");
  return first;
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let text = "";
    const done = (error?: Error) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new Refused("已取消"));
        if (ch === "\u007f" || ch === "\b") text = [...text].slice(0, -1).join("");
        else if (ch >= " ") text += ch;
      }
    };
    stdin.on("data", onData);
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`参数有误：${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof Refused) {
    console.error(`未能创建账号：${error.message}`);
    process.exit(1);
  }
  // parseArgs' own errors (an unknown option) are usage errors too.
  if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`参数有误：${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
