import type { CircularBlock } from "../document";
import { chartLines } from "./back-matter";
import { CHARS_PER_LINE, LINES_PER_PAGE } from "./page";
import { textWidth } from "./title-lines";

/**
 * Lines the 版头 takes on the first page before the 主送机关: the issuer mark 35 mm down, the 发文字号, a two-line
 * title and the blank line under it (GB/T 9704 7.2–7.3), measured in LibreOffice.
 */
const HEAD_LINES = 13;
/** Lines lost where a heading or a picture will not fit a page's foot and moves on. */
const SLACK = 2;

/**
 * Lines a paragraph takes: indented two characters, 28 to a line, counting a quarter character between Chinese and
 * digits as LibreOffice sets them. This errs on the long side, which is the safe side here.
 */
const paragraphLines = (text: string) => Math.ceil((textWidth(text) / 2 + 2) / CHARS_PER_LINE);

const blockLines = (b: CircularBlock) =>
  b.kind === "chart" ? chartLines(b) : b.kind === "table" ? b.rows.length + 2 : paragraphLines(b.text);

export interface Body { blocks: CircularBlock[]; attachments: number; draft: boolean; addressees: string }

/** Lines the body takes: its blocks, the 附件说明 (a blank line and a line per 附件), the 落款 (blank, issuer, date). */
export function bodyLines({ blocks, attachments }: Body): number {
  return blocks.reduce((sum, b) => sum + blockLines(b), 0) + (attachments > 0 ? attachments + 1 : 0) + 3;
}

/** Whether the body ends within `pages` pages, estimated from its characters, with some slack. */
export function fitsInPages(body: Body, pages: number): boolean {
  const firstPage = LINES_PER_PAGE - HEAD_LINES - (body.draft ? 1 : 0) - Math.ceil(textWidth(body.addressees) / 2 / CHARS_PER_LINE);
  return bodyLines(body) + SLACK <= firstPage + (pages - 1) * LINES_PER_PAGE;
}
