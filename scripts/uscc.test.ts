import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./uscc.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "uscc-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync("npx", ["--no-install", "tsx", SCRIPT, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content, "utf8");
  return path;
}

describe("scripts/uscc.ts check", { timeout: 60_000 }, () => {
  it("prints one verdict per code, a summary, and exits 1 on invalid codes", () => {
    const file = tempFile(
      "mixed.txt",
      "\uFEFF91350100M000100Y43\r\n\r\n９１３５０１００Ｍ０００１００Ｙ４３\n  \n91110000600037341l\n9111000060003734L\n91110000600037341N\n",
    );
    const r = run("check", file);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "91350100M000100Y43\t有效",
      "91350100M000100Y43\t有效（已自动转换全角字符）",
      "91110000600037341L\t有效（已自动转换为大写字母）",
      "9111000060003734L\t长度应为18位，实为17位",
      "91110000600037341N\t第18位校验码错误，应为L",
      "共5条，有效3条，无效2条",
    ]);
  });

  it("joins several reasons with ；", () => {
    const r = run("check", tempFile("two.txt", "91110000600037342L\n"));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("91110000600037342L\t第17位组织机构代码校验码错误，应为1；第18位校验码错误，应为P\n");
  });

  it("exits 0 when every code is valid", () => {
    const r = run("check", tempFile("ok.txt", "91350100M000100Y43\n121200004013590816"));
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("共2条，有效2条，无效0条");
  });

  it("exits 2 with a Chinese message when the file cannot be read", () => {
    const r = run("check", join(dir, "missing.txt"));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取文件");
    expect(r.stdout).toBe("");
  });

  it("exits 2 on an unknown sub-command or missing file argument", () => {
    const unknown = run("lint", "x.txt");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("未知子命令：lint");
    const missing = run("check");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("缺少文件参数");
  });
});
