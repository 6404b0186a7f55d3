import { MARKER, isHeadingLike } from "./normalise";
import type { Paragraph } from "./types";

export interface PlanNode {
  /** 0 = 一、 1 = (一) 2 = 1. 3 = (1) 4 = ①: the usual nesting order of Chinese official numbering. */
  rank: number;
  /** The marker as written (normalised), e.g. "一、", "(一)", "1.", "①". */
  marker: string;
  number: string;
  paragraphs: Paragraph[];
  children: PlanNode[];
}

export interface PlanTree {
  preamble: Paragraph[];
  items: PlanNode[];
  trailer: Paragraph[];
}

export function markerOf(text: string): { marker: string; rank: number; number: string } | null {
  const marker = text.match(MARKER)?.[0];
  if (marker === undefined) return null;
  if (marker.endsWith("、") && !/^\d/.test(marker)) return { marker, rank: 0, number: marker.slice(0, -1) };
  if (/^\([一二三四五六七八九十]/.test(marker)) return { marker, rank: 1, number: marker };
  if (/^\d/.test(marker)) return { marker, rank: 2, number: marker.slice(0, -1) };
  if (marker.startsWith("(")) return { marker, rank: 3, number: marker };
  return { marker, rank: 4, number: marker };
}

const DATE_LINE = /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/;
const ATTACHMENT = /^附件\d*[:]/;

/** Paragraphs → a tree of numbered items; a date line or 附件 ends the body (signature, attachments). */
export function buildTree(paragraphs: Paragraph[]): PlanTree {
  const tree: PlanTree = { preamble: [], items: [], trailer: [] };
  const stack: PlanNode[] = [];
  let inTrailer = false;
  paragraphs.forEach((p, i) => {
    const m = markerOf(p.text);
    if (m === null) {
      const next = paragraphs[i + 1]?.text ?? "";
      const ends = DATE_LINE.test(p.text) || ATTACHMENT.test(p.text) || (isHeadingLike(p.text) && DATE_LINE.test(next));
      if (stack.length > 0 && ends) inTrailer = true;
      if (inTrailer) tree.trailer.push(p);
      else if (stack.length === 0) tree.preamble.push(p);
      else stack[stack.length - 1]!.paragraphs.push(p);
      return;
    }
    inTrailer = false;
    const node: PlanNode = { ...m, paragraphs: [p], children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= m.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else tree.items.push(node);
    stack.push(node);
  });
  return tree;
}

/** The node's own text without its marker, one paragraph a line. */
export function ownText(node: PlanNode): string {
  return node.paragraphs.map((p, i) => (i === 0 ? p.text.slice(node.marker.length) : p.text)).join("\n");
}

/** Own text followed by every descendant's paragraphs (markers kept). */
export function fullText(node: PlanNode): string {
  const below = descendants(node).flatMap((d) => d.paragraphs.map((p) => p.text));
  return [ownText(node), ...below].join("\n");
}

export function originalText(node: PlanNode): string {
  return [node, ...descendants(node)].flatMap((n) => n.paragraphs.flatMap((p) => p.raw)).join("\n");
}

export function descendants(node: PlanNode): PlanNode[] {
  return node.children.flatMap((c) => [c, ...descendants(c)]);
}

const TITLE_ENDINGS = /(方案|要点|计划|安排|清单|措施|意见|任务|规划|细则|重点)$/;

/** The plan's own title: the last title-like line before the body, else the 《…》 of an 印发 notice. */
export function findTitle(preamble: Paragraph[]): string | null {
  const lines = preamble.map((p) => p.text);
  const own = lines.filter((t) => isHeadingLike(t) && TITLE_ENDINGS.test(t)).at(-1);
  if (own) return own;
  const quoted = lines.map((t) => t.match(/印发《([^》]+)》/)?.[1]).find((t) => t !== undefined);
  return quoted ?? lines[0] ?? null;
}

export type YearSource = "title" | "date" | "stamp";

/** The plan's year: from its title (2024年…工作要点), else its issuing date line, else a page's date stamp. */
export function findYearWithSource(title: string | null, tree: PlanTree, noise: string[]): { year: number; source: YearSource } | null {
  const fromTitle = title?.match(/((?:19|20)\d{2})年/)?.[1];
  if (fromTitle) return { year: Number(fromTitle), source: "title" };
  const dateLine = [...tree.preamble, ...tree.trailer].find((p) => DATE_LINE.test(p.text));
  if (dateLine) return { year: Number(dateLine.text.slice(0, 4)), source: "date" };
  const stamp = noise.map((t) => t.match(/((?:19|20)\d{2})[-年]/)?.[1]).find((y) => y !== undefined);
  return stamp ? { year: Number(stamp), source: "stamp" } : null;
}

export function findYear(title: string | null, tree: PlanTree, noise: string[]): number | null {
  return findYearWithSource(title, tree, noise)?.year ?? null;
}
