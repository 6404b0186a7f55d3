import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastDayOfMonth } from "@/lib/dates";
import { readWorkPlan } from "../read";
import { PLAN_TABLE, SAMPLE_TASKS, planDocx, samplePlan, taskTable, type TableTask } from "./__fixtures__/plan-docx";
import { readPlanFile } from "./index";

const run = promisify(execFile);

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
    expect(Object.keys(pdfs).sort()).toEqual(["centred", "long", "narrow", "top"]);
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
    expect(summary(text)).toEqual(LONG.map((t) => {
      const units = [...new Set(t.measures.map((m) => (m.units as string).replace(/（/g, "(").replace(/）/g, ")")))];
      const month = Number(t.deadline!.match(/年(\d+)月/)![1]);
      return {
        section: "", number: t.number, title: t.task.replace(/（/g, "(").replace(/）/g, ")"), leadUnits: [t.lead], units,
        deadline: lastDayOfMonth(`2026-${String(month).padStart(2, "0")}`), deadlineKind: "date",
      };
    }));
  });
});
