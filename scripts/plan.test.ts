import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runPlanCli } from "@/tests/support/plan-cli";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SEED = join(ROOT, "../shared/seeds/001_b9a9fd15655e665c.txt");
const dir = mkdtempSync(join(tmpdir(), "plan-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync("npx", ["--no-install", "tsx", "scripts/plan.ts", ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** GBK bytes for a text, by inverting node's own gb18030 decoder over the two-byte range. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder("gb18030");
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return new Uint8Array(bytes);
}

type Parsed = { tasks: Record<string, unknown>[]; provisions: Record<string, unknown>[] };

describe("scripts/plan.ts", { timeout: 60_000 }, () => {
  it("parse --json prints tasks and provisions in the agreed shape", () => {
    const r = run("parse", SEED, "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Parsed;
    expect(Object.keys(out)).toEqual(["tasks", "provisions"]);
    expect(out.tasks).toHaveLength(16);
    expect(out.provisions).toHaveLength(6);
    expect(out.tasks[0]).toEqual({
      section: "二、主要任务", number: "(一)", title: "加快统一社会信用代码转换",
      leadUnits: ["市市场监管局"], units: ["市委编办", "市民政局"],
      targets: [
        { indicator: null, op: ">=", value: 100, unit: "%" },
        { indicator: "uscc_error_rate", op: "<", value: 1, unit: "‱" },
        { indicator: "uscc_error_rate", op: "=", value: 0, unit: null },
      ],
      deadline: "2019-06-30",
    });
    expect(out.provisions[0]).toEqual({ section: "一、总体要求", number: "(一)", title: "指导思想" });
  });

  it("reads a GBK copy and a UTF-8 copy with a BOM the same as the original", () => {
    const text = readFileSync(SEED, "utf8");
    const gbk = join(dir, "plan-gbk.txt");
    // GBK has no non-breaking space: saving as GBK turns it into a plain one.
    writeFileSync(gbk, encodeGbk(text.replace(/\u00a0/g, " ")));
    const bom = join(dir, "plan-bom.txt");
    writeFileSync(bom, `\ufeff${text}`, "utf8");
    const expected = run("parse", SEED, "--json").stdout;
    expect(run("parse", gbk, "--json")).toMatchObject({ status: 0, stdout: expected });
    expect(run("parse", bom, "--json")).toMatchObject({ status: 0, stdout: expected });
  });

  it("prints a readable Chinese summary without --json", () => {
    const r = run("parse", SEED);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("标题：盘锦市创建国家信用体系建设示范城市工作实施方案");
    expect(r.stdout).toContain("任务16项，非任务条目6项");
    expect(r.stdout).toContain("(一)加快统一社会信用代码转换\n  牵头单位：市市场监管局\n  责任单位：市委编办、市民政局");
    expect(r.stdout).toContain("  完成时限：2019-06-30");
    expect(r.stdout).toContain("一、总体要求 (一)指导思想");
  });

  it("exits 2 with a Chinese message for bad arguments or an unreadable file", async () => {
    const cases: [string[], string][] = [
      [[], "缺少子命令"],
      [["check", SEED], "未知子命令：check"],
      [["parse"], "缺少文件参数"],
      [["parse", SEED, SEED], "参数过多"],
      [["parse", SEED, "--yaml"], "未知选项：--yaml"],
      [["parse", SEED, "--year", "19"], "--year 应为四位年份"],
      [["parse", join(dir, "missing.txt")], "无法读取文件"],
      [["parse", dir], "无法读取文件"],
    ];
    const results = await Promise.all(cases.map(([args]) => runPlanCli(...args)));
    cases.forEach(([args, message], i) => {
      const r = results[i]!;
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain("用法：tsx scripts/plan.ts parse FILE");
    });
  });
});
