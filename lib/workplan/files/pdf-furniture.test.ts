import { describe, expect, it } from "vitest";
import type { PdfItem } from "./pdf";
import { dropPageFurniture } from "./pdf-furniture";

/** A printed line: its text (cells apart with "|", printed side by side) and its height on the page. */
type Line = [string, number];

function page(lines: Line[]): PdfItem[] {
  return lines.flatMap(([text, y]) => text.split("|").map((str, k) => ({ str, x: 72 + 120 * k, y, width: 10 * str.length, fontSize: 10 })));
}

const WORDS = ["归集", "公示", "修复", "承诺"];

/** A page of body text (its own words on each page) between a top line and a bottom line. */
const body = (n: number, top: string | null, bottom: string | null): Line[] => [
  ...(top === null ? [] : [[top, 800] as Line]),
  [`推进信用${WORDS[n]}工作，`, 760],
  [`按月报送${WORDS[n]}情况。`, 740],
  ["市发展改革委", 500],
  [`做好${WORDS[n]}台账，`, 120],
  [`确保${WORDS[n]}实效。`, 100],
  ...(bottom === null ? [] : [[bottom, 40] as Line]),
];

const kept = (pages: PdfItem[][]) => dropPageFurniture(pages).map((items) => [...new Set(items.map((i) => i.str))].join(" / "));

describe("dropPageFurniture", () => {
  it.each([
    ["a running header", (n: number) => body(n, "示范市社会信用体系建设领导小组办公室文件", null)],
    ["a footer — N —", (n: number) => body(n, null, `— ${n} —`)],
    ["a footer 第 N 页 共 M 页", (n: number) => body(n, null, `第 ${n} 页 共 3 页`)],
    ["a footer N/M", (n: number) => body(n, null, `${n}/3`)],
    ["a bare page number", (n: number) => body(n, null, String(n))],
    ["a footer naming the office beside the number", (n: number) => body(n, null, `示范市发展改革委|${n}`)],
    ["a header missing on the first page", (n: number) => body(n, n === 1 ? null : "示范市2026年社会信用体系建设工作要点", null)],
  ])("drops %s printed on every page", (_, make) => {
    expect(kept([1, 2, 3].map((n) => page(make(n))))).toEqual([1, 2, 3].map((n) => kept([page(body(n, null, null))])[0]));
  });

  it.each([
    ["a title on the first page only", [page(body(1, "示范市2026年社会信用体系建设工作要点", null)), page(body(2, null, null))], 0, "示范市2026年社会信用体系建设工作要点"],
    ["a table's header repeated at the top of every page", [1, 2, 3].map((n) => page(body(n, "序号|重点任务|牵头单位|完成时限", null))), 2, "重点任务"],
    ["a line repeated inside every page", [1, 2, 3].map((n) => page(body(n, null, null))), 1, "市发展改革委"],
    ["a line at the top of two pages at different heights", [page(body(1, null, null)), page([["加强组织领导", 790], ...body(2, null, null)]), page([["加强组织领导", 810], ...body(3, null, null)])], 2, "加强组织领导"],
    ["a bare number at the bottom of a single page", [page(body(1, null, "1"))], 0, "1"],
  ])("keeps %s", (_, pages, at, text) => {
    expect(dropPageFurniture(pages)[at]!.map((i) => i.str)).toContain(text);
  });

  it("drops a page number written as one even on a single page", () => {
    expect(kept([page(body(1, null, "- 1 -"))])).toEqual(kept([page(body(1, null, null))]));
  });
});
