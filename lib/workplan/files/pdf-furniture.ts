/**
 * Page furniture in a PDF: what Word's header and footer print on every page — a running header ("示范市
 * 人民政府办公室文件"), a footer, page numbers ("— 3 —", "第 3 页 共 9 页", "3"). Left in, a running header at
 * the top of a page ends a table that goes on below it, and the rest of its rows come out as loose lines.
 *
 * A line is furniture when it is among the first or last lines of a page and either is printed at the same
 * height on most pages (its numbers aside), or is a page number written as one ("— 3 —", "第3页", "3/9").
 * A line of column labels (a table's header repeated on each page) is never furniture: the table reader
 * needs it on the page where the table starts.
 */
import { normaliseLine } from "../normalise";
import type { PdfItem } from "./pdf";
import { columnOf } from "./table";

/** How many lines at a page's top and at its bottom can be furniture. */
const EDGE_LINES = 2;
// A page number as printed: "— 3 —", "-3-", "第3页", "第3页共9页", "第3页/共9页", "3/9", "Page 3 of 9".
const PAGE_NUMBER = /^(?:[-—–]+\d{1,4}[-—–]+|第\d{1,4}页(?:[/,]?共\d{1,4}页)?|\d{1,4}\/\d{1,4}|page\d{1,4}(?:of\d{1,4})?)$/i;

interface Line {
  y: number;
  size: number;
  items: PdfItem[];
  text: string;
}

function linesOf(items: PdfItem[]): Line[] {
  const lines: Line[] = [];
  const sorted = items.filter((i) => i.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of sorted) {
    const size = item.fontSize > 0 ? item.fontSize : 10;
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) < 0.5 * size) line.items.push(item);
    else lines.push({ y: item.y, size, items: [item], text: "" });
  }
  for (const line of lines) line.text = normaliseLine(line.items.sort((a, b) => a.x - b.x).map((i) => i.str).join(""));
  return lines;
}

/** Its numbers aside, the same line on every page: "— 3 —" and "— 4 —" are one footer. */
const keyOf = (line: Line) => line.text.replace(/\d+/g, "#");

function isColumnLabels(line: Line): boolean {
  return line.items.filter((i) => columnOf(i.str).role !== null).length >= 2;
}

/** The pages without their furniture. */
export function dropPageFurniture(pages: PdfItem[][]): PdfItem[][] {
  const edges = pages.map((items) => {
    const lines = linesOf(items);
    const top = lines.slice(0, EDGE_LINES);
    const bottom = lines.slice(Math.max(top.length, lines.length - EDGE_LINES));
    return [...top, ...bottom].filter((l) => l.text !== "" && !isColumnLabels(l));
  });
  // Where each line prints, by its key: the pages it is on at about that height.
  const seen = new Map<string, { y: number; pages: Set<number> }[]>();
  edges.forEach((lines, page) => {
    for (const line of lines) {
      const places = seen.get(keyOf(line)) ?? [];
      const place = places.find((p) => Math.abs(p.y - line.y) < 0.5 * line.size);
      if (place) place.pages.add(page);
      else places.push({ y: line.y, pages: new Set([page]) });
      seen.set(keyOf(line), places);
    }
  });
  const repeated = (line: Line) => {
    const place = seen.get(keyOf(line))?.find((p) => Math.abs(p.y - line.y) < 0.5 * line.size);
    return place !== undefined && place.pages.size >= 2 && place.pages.size >= pages.length / 2;
  };
  return pages.map((items, page) => {
    const furniture = edges[page]!.filter((l) => PAGE_NUMBER.test(l.text) || repeated(l));
    if (furniture.length === 0) return items;
    // Spaces printed on a furniture line go with it.
    return items.filter((i) => !furniture.some((l) => Math.abs(l.y - i.y) < 0.5 * l.size));
  });
}
