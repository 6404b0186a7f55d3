import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ReadRefusal } from "./read";
import { READ_BATCH_ROWS, readDatasetRows, type ReadEvent, type ReadSummary } from "./read-rows";
import { readRowsInThread } from "./read-thread";

const HEADER = "行政处罚决定书文号,处罚决定日期,行政相对人名称,行政相对人代码_1（统一社会信用代码）,处罚机关,罚款金额（万元）";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "credit-read-thread-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, lines: string[]): { path: string; fileName: string } {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return { path, fileName: name };
}

async function drain(rows: AsyncGenerator<ReadEvent[], ReadSummary>): Promise<{ batches: ReadEvent[][]; summary: ReadSummary }> {
  const batches: ReadEvent[][] = [];
  for (;;) {
    const next = await rows.next();
    if (next.done) return { batches, summary: next.value };
    batches.push(next.value);
  }
}

describe("reading a file in its own thread", () => {
  it("gives the same rows, rejections and summary as reading in this thread, in batches", async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 2_500; i++) lines.push(`测罚〔2026〕${i}号,2026-10-${String((i % 28) + 1).padStart(2, "0")},某公司${i},91330100MA2AXXXX0${i % 10},某局,${i % 7 === 0 ? "很多" : "0.5"}`);
    lines.push(",2026-10-01,无文号公司,,某局,1");
    const file = csv("pen.csv", lines);
    const inThread = await drain(readRowsInThread("sgs-penalty", file));
    const here = await drain(readDatasetRows("sgs-penalty", file));
    expect(inThread).toEqual(here);
    expect(inThread.batches.map((b) => b.length)).toEqual([READ_BATCH_ROWS, READ_BATCH_ROWS, 501]);
    expect(inThread.summary.read).toBe(2_501);
    const events = inThread.batches.flat();
    // The row without a document number cannot be stored; an unreadable amount is a problem of a stored row.
    expect(events.filter((e) => "rejected" in e)).toEqual([
      { rejected: expect.objectContaining({ rowNumber: 2_502, column: expect.stringContaining("文号") }) },
    ]);
    expect(events.filter((e) => "row" in e && e.row.problems.length > 0)).toHaveLength(357);
  });

  it("hands a refusal across as the same Chinese refusal, and stops", async () => {
    const wrong = csv("wrong.csv", ["统一社会信用代码,主体名称,登记日期", "91330100MA2AXXXX01,某公司,2020-01-01"]);
    const refusal = await drain(readRowsInThread("sgs-penalty", wrong)).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ReadRefusal);
    expect((refusal as Error).message).toMatch(/^(文件的列是|没有找到表头)/);
    const headerOnly = await drain(readRowsInThread("sgs-penalty", csv("empty.csv", [HEADER]))).catch((e: unknown) => e);
    expect((headerOnly as Error).message).toBe("文件只有表头，没有数据行");
  });

  it("ends the thread when the reader stops early", async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 5_000; i++) lines.push(`测罚〔2026〕${i}号,2026-10-01,某公司,,某局,1`);
    const rows = readRowsInThread("sgs-penalty", csv("long.csv", lines));
    const first = await rows.next();
    expect(first.done).toBe(false);
    const ended = await rows.return(undefined as never);
    expect(ended.done).toBe(true);
  });
});
