/**
 * Work-plan reader.
 *   tsx scripts/plan.ts parse FILE [--json] [--year YYYY]      (npm run plan -- parse FILE)
 * FILE is read as the upload form reads it (lib/workplan/files), told apart by content, not by name: .docx,
 * .xlsx (a 任务分解表 a sheet), text PDF, plain text in UTF-8 (BOM optional), UTF-16 or GB18030/GBK, a saved
 * .html page. Exit 0 = read, 2 = usage error or a file that cannot be read (.doc, .xls, a scanned PDF, …:
 * the Chinese message says what to do).
 */
import { readFileSync } from "node:fs";
import { readWorkPlan, type Target, type WorkPlan } from "../lib/workplan";
import { readPlanFile } from "../lib/workplan/files";

const USAGE = "用法：tsx scripts/plan.ts parse FILE [--json] [--year YYYY]";

function fail(message: string): void {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exitCode = 2;
}

function toJson(plan: WorkPlan): string {
  const tasks = plan.tasks.map((t) => ({
    section: t.section,
    number: t.number,
    title: t.title,
    leadUnits: t.leadUnits,
    units: t.units,
    targets: t.targets.map((x) => ({ indicator: x.indicator, op: x.op, value: x.value, unit: x.unit })),
    deadline: t.deadline,
  }));
  const provisions = plan.provisions.map((p) => ({ section: p.section, number: p.number, title: p.title }));
  return JSON.stringify({ tasks, provisions }, null, 2);
}

const OP_LABELS: Record<Target["op"], string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

function numbered(number: string): string {
  return /^\d+$/.test(number) ? `${number}.` : /^[一二三四五六七八九十]+$/.test(number) ? `${number}、` : number;
}

function summary(plan: WorkPlan): string {
  const out = [
    `标题：${plan.title ?? "（未识别）"}`,
    `年度：${plan.year ?? "（未识别）"}`,
    `任务${plan.tasks.length}项，非任务条目${plan.provisions.length}项`,
  ];
  let section: string | null = null;
  for (const t of plan.tasks) {
    if (t.section !== section) out.push("", `【${t.section || "（无分节）"}】`);
    section = t.section;
    out.push(`${numbered(t.number)}${t.title}`);
    if (t.leadUnits.length > 0) out.push(`  牵头单位：${t.leadUnits.join("、")}`);
    if (t.units.length > 0) out.push(`  责任单位：${t.units.join("、")}`);
    for (const x of t.targets) {
      const indicator = x.indicator ? `（指标 ${x.indicator}）` : "";
      out.push(`  目标：${x.text} → ${OP_LABELS[x.op]} ${x.value}${x.unit ?? ""}${indicator}`);
    }
    if (t.deadline) out.push(`  完成时限：${t.deadline}`);
  }
  if (plan.provisions.length > 0) {
    out.push("", "非任务条目（未指定责任单位）：");
    for (const p of plan.provisions) out.push(`  ${p.section ? `${p.section} ` : ""}${numbered(p.number)}${p.title}`);
  }
  if (plan.notes.length > 0) out.push("", ...plan.notes.map((n) => `说明：${n}`));
  if (plan.tasks.length === 0) out.push("", "未识别到任何任务：请检查文件是否为工作方案或工作要点。");
  return out.join("\n");
}

async function parse(path: string, json: boolean, year: number | undefined): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return fail(`无法读取文件：${path}（${code}）`);
  }
  let read: Awaited<ReturnType<typeof readPlanFile>>;
  try {
    read = await readPlanFile(bytes);
  } catch (err) {
    return fail(`无法读取文件：${path}（${err instanceof Error ? err.message : String(err)}）`);
  }
  // The form's advice to paste into its text box means nothing here.
  if (!read.ok) return fail(`无法读取文件：${path}\n${read.error.replace(/[，,]?或(?:把全文)?复制(?:全文)?粘贴(?:到上面的文本框)?(?=。?$)/, "")}`);
  const plan = readWorkPlan(read.text, year === undefined ? {} : { year });
  process.stdout.write(`${json ? toJson(plan) : summary(plan)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined) return fail("缺少子命令");
  if (command !== "parse") return fail(`未知子命令：${command}`);
  let json = false;
  let year: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--year") {
      const value = rest[++i];
      if (value === undefined || !/^(?:19|20)\d{2}$/.test(value)) return fail("--year 应为四位年份，如 2023");
      year = Number(value);
    } else if (arg.startsWith("--")) return fail(`未知选项：${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) return fail("缺少文件参数");
  if (files.length > 1) return fail("参数过多：一次只读一个文件");
  await parse(files[0]!, json, year);
}

void main(process.argv.slice(2));
