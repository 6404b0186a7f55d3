/**
 * The monthly circular (月度通报) as a plain document model: generated from the numbers by
 * `lib/circular/content`, rendered to Word by `lib/circular/docx` and to HTML by the print view.
 */
export type CircularBlock =
  /** 一、 first-level heading (黑体) */
  | { kind: "heading1"; text: string }
  /** （一） second-level heading (楷体) */
  | { kind: "heading2"; text: string }
  /** Body paragraph (仿宋, first-line indent of two characters). */
  | { kind: "paragraph"; text: string }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][]; note?: string }
  /**
   * A chart rendered on the server from the same options as on screen: SVG for the print view, PNG for Word;
   * `caption` (图1 …) is printed under it and `alt` describes it in words.
   */
  | { kind: "chart"; svg: string; drawn: string; width: number; height: number; caption: string; alt: string };

/** A numbered 附件 after the body (GB/T 9704 7.3.4 and 8.1): its own page, 附件N, a title, then its tables. */
export interface CircularAttachment { title: string; blocks: CircularBlock[] }

export interface CircularDocument {
  month: string;
  /** 关于2026年10月全市社会信用体系建设监测情况的通报 */
  title: string;
  /** 示信办〔2026〕10号; empty for a draft that has no number yet. */
  documentNumber: string;
  /** 各区县人民政府（管委会），市有关单位： */
  addressees: string;
  blocks: CircularBlock[];
  /** 示范市社会信用体系建设领导小组办公室 */
  issuer: string;
  /** 2026年11月5日 (the issue date, written as the standard writes it) */
  issuedOn: string;
  /** Listed in the 附件说明 before the 落款 and printed after it, each on a new page. */
  attachments: CircularAttachment[];
  /** 版记 (7.4): 抄送 (empty: no line), the 印发机关 and 印发日期 on the last page. */
  colophon: { copyTo: string; printer: string; printedOn: string };
  /** True on drafts: the Word file carries a 征求意见稿/草稿 mark. */
  draft: boolean;
}
