import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastDayOfMonth } from "@/lib/dates";
import { readWorkPlan } from "../read";
import { PLAN_TABLE, SAMPLE_TASKS, gridTable, planDocx, samplePlan, taskTable, type TableTask } from "./__fixtures__/plan-docx";
import { readPlanFile } from "./index";

const run = promisify(execFile);

const TABLE_TITLE = "示范市2026年社会信用体系建设重点任务分解表";
const RUNNING_HEADER = "示范市社会信用体系建设领导小组办公室文件";
const LEADS = ["市发展改革委", "市市场监管局", "市税务局", "市人力资源社会保障局"];
const UNITS = ["市数据局", "市司法局", "市中级人民法院", "各县（市、区）人民政府", "市住房城乡建设局"];

/** A long 任务分解表 that runs over several pages, its header repeated on each. */
const LONG: TableTask[] = Array.from({ length: 30 }, (_, i) => {
  const k = i + 1;
  const measures = Array.from({ length: (k % 3) + 1 }, (_, m) => ({
    text: `围绕第${k}项任务落实第${m + 1}项工作措施，按要求报送进展情况并做好台账管理。`,
    units: UNITS[(k + m) % UNITS.length]!,
  }));
  return { number: String(k), task: `推进信用建设重点工作（${k}）`, lead: LEADS[k % LEADS.length]!, deadline: `2026年${(k % 12) + 1}月底前`, measures };
});

/** What LONG reads as: each task with its lead, its measures' units and its deadline. */
const LONG_TASKS = LONG.map((t) => {
  const units = [...new Set(t.measures.map((m) => (m.units as string).replace(/（/g, "(").replace(/）/g, ")")))];
  const month = Number(t.deadline!.match(/年(\d+)月/)![1]);
  return {
    section: "", number: t.number, title: t.task.replace(/（/g, "(").replace(/）/g, ")"), leadUnits: [t.lead], units,
    deadline: lastDayOfMonth(`2026-${String(month).padStart(2, "0")}`), deadlineKind: "date",
  };
});

/** A plan typed as paragraphs, long enough to run over several pages: sentences break across page ends. */
const PARAGRAPHS = Array.from({ length: 24 }, (_, i) =>
  `${i + 1}．推进第${i + 1}项信用建设工作。各责任单位要围绕年度目标细化工作措施，建立工作台账，按月报送工作进展情况，确保各项任务按期完成并取得实效。（责任单位：${UNITS[i % UNITS.length]}）`);

const WIDE_LABEL = [
  ["序号", "重点任务", "责任单位（排第一位的为牵头单位）", "完成时限"],
  ["1", "推行信用承诺制度，梳理承诺事项清单。", "市发展改革委\n市市场监管局", "2026年6月底前"],
  ["2", "开展信用修复培训。", "市人力资源社会保障局、市司法局", "2026年9月底前"],
];

function summary(text: string) {
  return readWorkPlan(text).tasks.map((t) => ({ section: t.section, number: t.number, title: t.title, leadUnits: t.leadUnits, units: t.units, deadline: t.deadline, deadlineKind: t.deadlineKind }));
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const read = await readPlanFile(pdf);
  if (!read.ok) throw new Error(read.error);
  expect(read.kind).toBe("pdf");
  return read.text;
}

const missing = ["soffice"].filter((tool) => !(process.env.PATH ?? "").split(delimiter).some((dir) => existsSync(join(dir, tool))));

describe("a text PDF of the plan (Word → PDF by LibreOffice)", () => {
  const dir = mkdtempSync(join(tmpdir(), "workplan-pdf-"));
  const pdfs: Record<string, Uint8Array> = {};

  beforeAll(async () => {
    // A missing tool fails the tests rather than skipping them: `npm run test:setup` installs it.
    if (missing.length > 0) return;
    const docs: Record<string, Uint8Array> = {
      centred: await samplePlan("center"),
      top: await samplePlan("top"),
      long: await planDocx(["示范市2026年社会信用体系建设重点任务分解表", taskTable(LONG, { repeatHeader: true, align: "center" })]),
      // Narrow columns: the header wraps (序 / 号, 牵头 / 单位) and so does every unit's name.
      narrow: await planDocx(["示范市2026年社会信用体系建设重点任务分解表", taskTable(PLAN_TABLE, { widths: [450, 1500, 3000, 800, 1300, 900], align: "top" })]),
      // Page furniture on every page: a running header over a table that goes on from page to page.
      furnished: await planDocx([TABLE_TITLE, taskTable(LONG, { align: "center" })], { header: RUNNING_HEADER, footer: "page-of" }),
      furnishedRepeat: await planDocx([TABLE_TITLE, taskTable(LONG, { align: "top", repeatHeader: true })], { header: "示范市2026年社会信用体系建设工作要点", footer: "dash" }),
      // A short title right above the table, and a header label too long for a narrow column's label.
      wideLabel: await planDocx(["2026年工作要点", gridTable(WIDE_LABEL, [700, 3000, 4500, 1500])]),
      furnishedText: await planDocx(["示范市2026年社会信用体系建设工作要点", "一、重点任务", ...PARAGRAPHS], { header: RUNNING_HEADER, footer: "dash" }),
    };
    for (const [name, bytes] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), bytes);
    // A private profile: soffice processes sharing one block each other.
    await run("soffice", [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir,
      ...Object.keys(docs).map((name) => join(dir, `${name}.docx`))], { timeout: 110_000 });
    for (const name of Object.keys(docs)) pdfs[name] = new Uint8Array(readFileSync(join(dir, `${name}.pdf`)));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is made", () => {
    expect(missing, "LibreOffice 未安装，请先运行 npm run test:setup").toEqual([]);
    expect(Object.keys(pdfs).sort()).toEqual(["centred", "furnished", "furnishedRepeat", "furnishedText", "long", "narrow", "top", "wideLabel"]);
  });

  it("reads into the same tasks as the .docx, merged cells centred in their rows", async () => {
    expect(summary(await pdfText(pdfs.centred!))).toEqual(SAMPLE_TASKS);
  });

  it("reads into the same tasks with merged cells at the top of their rows", async () => {
    expect(summary(await pdfText(pdfs.top!))).toEqual(SAMPLE_TASKS);
  });

  it("reads a table whose header and cells wrap in narrow columns", async () => {
    expect(summary(await pdfText(pdfs.narrow!))).toEqual(SAMPLE_TASKS.slice(0, 3));
  });

  it("reads a table over several pages, its header repeated, task by task", async () => {
    const text = await pdfText(pdfs.long!);
    expect(summary(text)).toEqual(LONG_TASKS);
  });

  it.each([
    ["a running header and 第 N 页 共 M 页, merged cells centred, no header repeated", "furnished"],
    ["the plan's title as running header and — N —, the table's header repeated", "furnishedRepeat"],
  ])("reads a table over pages with page furniture (%s) task by task, not as loose lines", async (_, name) => {
    const text = await pdfText(pdfs[name]!);
    expect(summary(text)).toEqual(LONG_TASKS);
    expect(text).not.toMatch(/第\s*\d+\s*页|—\s*\d+\s*—|领导小组办公室文件/);
    expect(text.split("\n").filter((l) => l === TABLE_TITLE)).toHaveLength(1);
  });

  it("reads paragraphs over pages without the running header or page numbers inside a task", async () => {
    const plan = readWorkPlan(await pdfText(pdfs.furnishedText!));
    expect(plan.title).toBe("示范市2026年社会信用体系建设工作要点");
    expect(plan.tasks.map((t) => [t.number, t.units])).toEqual(PARAGRAPHS.map((_, i) => [String(i + 1), [UNITS[i % UNITS.length]!.replace(/（/g, "(").replace(/）/g, ")")]]));
    for (const t of plan.tasks) expect(t.text).not.toMatch(/领导小组办公室文件|—\s*\d+\s*—/);
  });

  it("finds a table whose header names a column at length, under a short title, instead of giving its cells as lines", async () => {
    const text = await pdfText(pdfs.wideLabel!);
    expect(text.split("\n")[0]).toBe("2026年工作要点");
    expect(summary(text).map((t) => [t.number, t.title, t.leadUnits, t.units, t.deadline])).toEqual([
      ["1", "推行信用承诺制度,梳理承诺事项清单", ["市发展改革委"], ["市市场监管局"], "2026-06-30"],
      ["2", "开展信用修复培训", ["市人力资源社会保障局"], ["市司法局"], "2026-09-30"],
    ]);
  });
});
