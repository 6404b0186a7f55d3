/**
 * 统一社会信用代码 (GB 32100-2015) checker.
 *   tsx scripts/uscc.ts check FILE
 * One code per line (UTF-8, BOM optional). Exit 0 = all valid, 1 = some invalid,
 * 2 = usage error or unreadable file.
 */
import { readFileSync } from "node:fs";
import { NORMALIZATION_CHANGE_LABELS, validateUscc, type UsccResult } from "../lib/uscc";

const USAGE = "用法：tsx scripts/uscc.ts check FILE";

function fail(message: string): void {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exitCode = 2;
}

function formatLine(r: UsccResult): string {
  const verdict = r.valid ? "有效" : r.reasons.map((x) => x.message).join("；");
  const note = r.changes.map((c) => NORMALIZATION_CHANGE_LABELS[c]).join("，");
  return `${r.code}\t${verdict}${note ? `（${note}）` : ""}`;
}

function check(path: string): void {
  let text: string;
  try {
    // TextDecoder drops a leading UTF-8 BOM by default.
    text = new TextDecoder("utf-8").decode(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    fail(`无法读取文件：${path}（${code}）`);
    return;
  }
  let total = 0;
  let valid = 0;
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = validateUscc(line);
    if (r.code === "") continue; // blank (or whitespace-only) line
    total++;
    if (r.valid) valid++;
    out.push(formatLine(r));
  }
  out.push(`共${total}条，有效${valid}条，无效${total - valid}条`);
  process.stdout.write(`${out.join("\n")}\n`);
  process.exitCode = valid === total ? 0 : 1;
}

function main(argv: string[]): void {
  const [command, file, ...rest] = argv;
  if (command === "check" && file !== undefined && rest.length === 0) return check(file);
  if (command === undefined) return fail("缺少子命令");
  if (command !== "check") return fail(`未知子命令：${command}`);
  fail(file === undefined ? "缺少文件参数" : "参数过多");
}

main(process.argv.slice(2));
