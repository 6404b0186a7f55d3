import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from "docx";
import type { IFontAttributesProperties, IRunOptions } from "docx";
import { LINE_PITCH, TYPE_AREA, chars, mm } from "./page";
import { KERN } from "./styles";
import { titleLines } from "./title-lines";

/**
 * Fonts are named, not embedded: the reader substitutes what it has (WPS and Word on government machines have
 * the GB2312 fonts; LibreOffice falls back to a CJK font). Latin letters and digits in the body are Times New Roman.
 */
const font = (eastAsia: string, latin = "Times New Roman"): IFontAttributesProperties => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia,
  hint: "eastAsia",
});
export const FONTS = {
  body: font("仿宋_GB2312"),
  title: font("方正小标宋简体", "方正小标宋简体"),
  heading1: font("黑体", "黑体"),
  heading2: font("楷体_GB2312"),
} as const;

/** Red for the 版头 (发文机关标志 and 分隔线, 7.2.4, 7.2.7). */
const RED = "FF0000";
/** 2号 (22 pt), the title size (7.3.1), in half-points. */
const TITLE_SIZE = 44;
const exactLine = (line: number = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** 首行缩进二字: twips for LibreOffice, characters for Word and WPS, which prefer them. */
const indent2 = { firstLine: chars(2), firstLineChars: 200 };

const run = (text: string, options: Omit<IRunOptions, "text"> = {}) => new TextRun({ text, ...options });

export const blankLine = () => new Paragraph({ spacing: exactLine(), children: [] });

/** 7.2.4: issuer + 文件 in red 小标宋, centred, its top 35 mm below the type area's; one line, narrowed to fit. */
export function issuerMark(issuer: string): Paragraph {
  const text = `${issuer}文件`;
  const size = 60; // 30 pt, tall as issuer marks are
  const scale = Math.min(100, Math.floor(((TYPE_AREA.width / text.length - KERN) * 100) / (size * 10)));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // On a line 1.2 × its size, the glyphs start about a tenth of the size below the line's top.
    spacing: { ...exactLine(size * 12), before: mm(35) - size },
    children: [run(text, { font: FONTS.title, size, color: RED, scale })],
  });
}

/** 7.2.5 and 7.2.7: 发文字号 centred two lines under the mark, the red separator 4 mm under it. */
export function documentNumberLine(documentNumber: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine(), before: LINE_PITCH * 2 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 7 } },
    children: [run(documentNumber, { font: FONTS.body })],
  });
}

/** 7.3.1: 2号 小标宋, centred two lines under the separator; a long title is broken between words. */
export function title(text: string): Paragraph {
  const capacity = Math.floor((TYPE_AREA.width * 2) / (TITLE_SIZE * 10 + KERN));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine(), before: LINE_PITCH * 2 },
    children: titleLines(text, capacity).map((line, i) =>
      run(line, { font: FONTS.title, size: TITLE_SIZE, ...(i > 0 ? { break: 1 } : {}) }),
    ),
  });
}

export function draftMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exactLine(),
    children: [run("（征求意见稿）", { font: FONTS.heading2 })],
  });
}

/** 7.3.2: 主送机关 flush left, ending with a full-width colon. */
export function addressees(text: string): Paragraph {
  const withColon = /[：:]$/.test(text) ? text.replace(/:$/, "：") : `${text}：`;
  return new Paragraph({ spacing: exactLine(), children: [run(withColon)] });
}

/** 7.3.3: body text, and the 一、 (黑体) and （一） (楷体) levels, each indented two characters. */
export function bodyParagraph(text: string, level: "body" | "heading1" | "heading2" = "body", keepNext = level !== "body"): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exactLine(),
    indent: indent2,
    keepNext,
    children: [run(text, { font: FONTS[level] })],
  });
}

/** 7.3.5.1: 发文机关署名 and 成文日期, right-aligned, 右空四字, after a blank line. */
export function signature(issuer: string, issuedOn: string): Paragraph[] {
  const line = (text: string, keepNext: boolean) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactLine(), indent: { right: chars(4) }, keepNext, children: [run(text)] });
  return [new Paragraph({ spacing: exactLine(), keepNext: true, children: [] }), line(issuer, true), line(issuedOn, false)];
}

/** Text smaller than 3号, on a line of its own height: table captions, cells and notes. */
export function smallParagraph(
  text: string,
  options: { size: number; bold?: boolean; eastAsia?: "body" | "heading1"; align?: "center" | "left" } & {
    line?: number;
    keepNext?: boolean;
  },
): Paragraph {
  return new Paragraph({
    alignment: options.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: exactLine(options.line ?? Math.round(options.size * 10 * 1.3)),
    keepNext: options.keepNext,
    children: [
      run(text, {
        font: FONTS[options.eastAsia ?? "body"],
        size: options.size,
        bold: options.bold,
      }),
    ],
  });
}
