/** scripts/plan.ts reads files the way the upload form does (readPlanFile), not only text. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlanCli } from "@/tests/support/plan-cli";
import { samplePlan } from "./__fixtures__/plan-docx";
import { HEADER, TITLE, workbook } from "./__fixtures__/plan-xlsx";
import { tinyPdf } from "./__fixtures__/tiny-pdf";
import { DOC_REFUSED, IMAGE_REFUSED, XLS_REFUSED } from "./index";
import { PDF_SCANNED } from "./pdf";

const dir = mkdtempSync(join(tmpdir(), "plan-cli-files-"));

const ole = (name: string) => {
  const bytes = new Uint8Array(1024);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set([...`${name}\0`].flatMap((c) => [c.charCodeAt(0), 0]), 512);
  return bytes;
};

// Any name: files are told apart by content.
const FILES: Record<string, () => Promise<Uint8Array> | Uint8Array> = {
  "plan.docx": () => samplePlan(),
  "任务分解表.xlsx": () => workbook([{
    name: "Sheet1",
    rows: [[TITLE], HEADER, [1, "完善信用信息归集共享机制", "按月报送双公示信息。", "市发展改革委", "市市场监管局", "2026年6月底前", null]],
    merges: ["A1:G1"],
  }]),
  "plan.pdf": () => tinyPdf([{ text: "Work plan of the city credit office for the year 2026" }]),
  "plan-gbk.txt": () => new Uint8Array(iconv.encode("2026年工作要点\n一、重点任务\n1．推进信用信息归集。（责任单位：市发展改革委）\n", "gbk")),
  "old.doc": () => ole("WordDocument"),
  "old.xls": () => ole("Workbook"),
  "scan.pdf": () => tinyPdf([{ image: true }]),
  "picture.txt": () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
};

beforeAll(async () => {
  for (const [name, make] of Object.entries(FILES)) writeFileSync(join(dir, name), await make());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run plan -- parse FILE", { timeout: 60_000 }, () => {
  it.each([
    ["plan.docx", ["标题：示范市2026年社会信用体系建设工作要点", "任务4项", "1.完善信用信息归集共享机制\n  牵头单位：市发展改革委"]],
    ["任务分解表.xlsx", [`标题：${TITLE}`, "任务1项", "1.完善信用信息归集共享机制\n  牵头单位：市发展改革委\n  责任单位：市市场监管局", "完成时限：2026-06-30"]],
    ["plan.pdf", ["任务0项", "未识别到任何任务"]],
    ["plan-gbk.txt", ["年度：2026", "1.推进信用信息归集\n  责任单位：市发展改革委"]],
  ])("reads %s", async (name, parts) => {
    const r = await runPlanCli("parse", join(dir, name));
    expect(r.status, r.stderr).toBe(0);
    for (const part of parts) expect(r.stdout).toContain(part);
  });

  it.each([
    ["old.doc", DOC_REFUSED],
    ["old.xls", XLS_REFUSED],
    ["scan.pdf", PDF_SCANNED],
    ["picture.txt", IMAGE_REFUSED],
  ])("exits 2 for %s with the Chinese message, less the form's advice to paste", async (name, message) => {
    const r = await runPlanCli("parse", join(dir, name));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`无法读取文件：${join(dir, name)}`);
    const advice = message.replace(/[，,]或[^，,]*$/, "");
    expect(r.stderr).toContain(advice);
    expect(r.stderr).not.toContain("上面的文本框");
  });
});
