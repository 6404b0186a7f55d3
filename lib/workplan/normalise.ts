import { Converter } from "opencc-js";
import type { Paragraph } from "./types";

// "tw" converts characters only; the phrase table ("twp") renames units (智慧城市 → 智能城市).
let converter: ((s: string) => string) | null = null;
export function toSimplified(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  converter ??= Converter({ from: "tw", to: "cn" });
  return converter(s);
}

const PUNCT: Record<string, string> = {
  "：": ":", "，": ",", "；": ";", "（": "(", "）": ")", "．": ".", "％": "%", "［": "[", "］": "]",
  "＜": "<", "＞": ">", "＝": "=", "！": "!", "？": "?", "／": "/", "＋": "+", "－": "-", "～": "~",
  "｡": "。", "､": "、", "﹪": "%", "﹔": ";", "﹕": ":", "﹐": ",", "﹙": "(", "﹚": ")", "≧": "≥", "≦": "≤",
  "「": "“", "」": "”", "『": "‘", "』": "’", "︰": ":",
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT).join("")}]`, "g");

export function normaliseWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(PUNCT_RE, (c) => PUNCT[c] ?? c);
}

/** Drops spaces (incl. NBSP, ideographic, zero-width) unless they separate two Latin words or numbers. */
export function dropSpaces(s: string): string {
  return s.replace(/[\s\u200b-\u200d\ufeff]+/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + _m.length] ?? "";
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? " " : "";
  });
}

export function normaliseLine(raw: string): string {
  return toSimplified(dropSpaces(normaliseWidth(raw)));
}

const LABELLED_NOISE =
  /^(发布时间|发布日期|发布机构|时间|日期|来源|信息来源|文章来源|作者|编辑|责任编辑|浏览次数|浏览量|阅读次数|点击数|点击量|访问次数|索引号|发文机关|主题分类|成文日期|所属机构|当前位置|您的位置|你的位置|您现在的位置):/;
const BUTTON_NOISE =
  /^(?:打印本页|打印此文|打印本文|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|收藏|保存本页|字号:?大中小|字体:?大中小|分享到.*|扫一扫.*)+$/;

/** Page furniture a browser copy brings along (headers, buttons, share bars). */
export function isNoise(line: string): boolean {
  if (LABELLED_NOISE.test(line)) return true;
  const bare = line.replace(/[【】\[\]()|丨·•>\/]/g, "");
  return bare === "" || BUTTON_NOISE.test(bare);
}

export const MARKER = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}(?:\.|、)(?!\d)|\(\d{1,2}\)|[①-⑳])/;
const TERMINAL = /[。;!?:〕】\])”』]$/;

/** A short line with no sentence punctuation: a heading or title, never continued by the next line. */
export function isHeadingLike(text: string): boolean {
  const body = text.replace(MARKER, "");
  return body.length <= 40 && !/[。;,:!?]/.test(body);
}

export interface Normalised {
  paragraphs: Paragraph[];
  noise: string[];
}

/** Lines → paragraphs: a line continues the previous one when that one stops mid-sentence. */
export function normalise(input: string): Normalised {
  const paragraphs: Paragraph[] = [];
  const noise: string[] = [];
  for (const rawLine of input.replace(/^\ufeff/, "").split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const text = normaliseLine(rawLine);
    if (text === "") continue;
    if (isNoise(text)) {
      noise.push(text);
      continue;
    }
    const raw = rawLine.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, "");
    const prev = paragraphs.at(-1);
    if (prev && !MARKER.test(text) && !TERMINAL.test(prev.text) && !isHeadingLike(prev.text)) {
      prev.text += text;
      prev.raw.push(raw);
    } else {
      paragraphs.push({ text, raw: [raw] });
    }
  }
  return { paragraphs, noise };
}
