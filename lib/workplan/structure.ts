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
// "附件:1.…任务分解表", "附件2:…清单", "附件1" or "附件" (附表) alone on its line: the body has ended; what
// follows is the list of attachments or an attachment itself (its title, its table).
const ATTACHMENT = /^附[件表](?:\d{1,2}|[一二三四五六七八九十]{1,3})?(?:[:.、]|$)/;
// "附件:" without a number lists the attachments; the names numbered under it ("2.…责任清单") are the list's.
const ATTACHMENT_LIST = /^附[件表]:/;

const FIRST_NUMBERS = new Set(["一", "(一)", "1", "(1)", "①"]);

/**
 * A title line right before a list that starts again at 1 (the next table, the next sheet of a workbook, an
 * unnumbered subheading) heads that list: it closes the open list of that rank instead of joining its last item.
 */
function headsNewList(p: Paragraph, next: Paragraph | undefined, stack: PlanNode[]): number | null {
  const m = next ? markerOf(next.text) : null;
  if (m === null || !FIRST_NUMBERS.has(m.number) || !isHeadingLike(p.text) || DATE_LINE.test(p.text)) return null;
  return stack.some((n) => n.rank === m.rank) ? m.rank : null;
}

/**
 * Paragraphs → a tree of numbered items. A date line (the signature) or an 附件 line ends the body and
 * closes every open item, so an attachment's title and text are not read into the body's last task, and
 * an attachment's own numbered items (a 任务分解表 read into lines) start a tree of their own.
 */
export function buildTree(paragraphs: Paragraph[]): PlanTree {
  const tree: PlanTree = { preamble: [], items: [], trailer: [] };
  const stack: PlanNode[] = [];
  let inTrailer = false;
  let inList = false;
  paragraphs.forEach((p, i) => {
    const m = markerOf(p.text);
    // The names of the attachments, numbered under "附件:", are titles (no sentence), not items.
    if (m !== null && inList && isHeadingLike(p.text)) {
      tree.trailer.push(p);
      return;
    }
    inList = false;
    if (m === null) {
      const next = paragraphs[i + 1]?.text ?? "";
      const ends = DATE_LINE.test(p.text) || ATTACHMENT.test(p.text) || (isHeadingLike(p.text) && DATE_LINE.test(next));
      // Before any item an 附件 label heads a table sent on its own: it stays with the title.
      if (tree.items.length > 0 && ends) {
        inTrailer = true;
        stack.length = 0;
      }
      inList = ATTACHMENT_LIST.test(p.text);
      const restart = inTrailer ? null : headsNewList(p, paragraphs[i + 1], stack);
      if (restart !== null) {
        while (stack.length > 0 && stack[stack.length - 1]!.rank >= restart) stack.pop();
        // With no item left open the title stands between two lists: kept aside, never the plan's title.
        if (stack.length === 0) tree.trailer.push(p);
        else stack[stack.length - 1]!.paragraphs.push(p);
        return;
      }
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

// A 任务分解表 sent on its own (an .xlsx, an attachment) is titled as a table: "…重点任务分解表".
const TITLE_ENDINGS = /(方案|要点|计划|安排|清单|措施|意见|任务|规划|细则|重点|(?:分解|分工|任务|责任|推进|进度)表)$/;

/** The plan's own title: the last title-like line before the body, else the 《…》 of an 印发 notice. */
export function findTitle(preamble: Paragraph[]): string | null {
  // "附件1" heading a table sent on its own labels the file, it does not title it.
  const lines = preamble.map((p) => p.text).filter((t) => !ATTACHMENT.test(t));
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
