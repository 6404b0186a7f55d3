import { Converter } from "opencc-js";
import type { Paragraph } from "./types";

// Characters only: the phrase tables ("twp", "hkp") rename units (智慧城市 → 智能城市). "tw" leaves a few
// variants mainland converters write (衞, 衹) that the Hong Kong table knows, so both run.
let converter: ((s: string) => string) | null = null;
export function toSimplified(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  if (converter === null) {
    const tw = Converter({ from: "tw", to: "cn" });
    const hk = Converter({ from: "hk", to: "cn" });
    converter = (text) => hk(tw(text));
  }
  return converter(s);
}

const PUNCT: Record<string, string> = {
  "：": ":", "，": ",", "；": ";", "（": "(", "）": ")", "．": ".", "％": "%", "［": "[", "］": "]",
  "＜": "<", "＞": ">", "＝": "=", "！": "!", "？": "?", "／": "/", "＋": "+", "－": "-", "～": "~",
  "｡": "。", "､": "、", "﹪": "%", "﹔": ";", "﹕": ":", "﹐": ",", "﹙": "(", "﹚": ")", "≧": "≥", "≦": "≤",
  "「": "“", "」": "”", "『": "‘", "』": "’", "︰": ":", "∶": ":", "﹖": "?", "﹗": "!", "︵": "(", "︶": ")",
  "〝": "“", "〞": "”", "＂": "\"", "＇": "'", "｜": "|", "＆": "&", "＊": "*", "＃": "#", "＠": "@",
};
const PUNCT_RE = new RegExp(`[${Object.keys(PUNCT).join("")}]`, "g");

export function normaliseWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(PUNCT_RE, (c) => PUNCT[c] ?? c);
}

/** Drops spaces (incl. NBSP, ideographic, zero-width) unless they separate two Latin words or numbers. */
export function dropSpaces(s: string): string {
  return s.replace(/[\s\u200b-\u200d\u2060\u00ad\ufeff]+/g, (_m, offset: number, all: string) => {
    const before = all[offset - 1] ?? "";
    const after = all[offset + _m.length] ?? "";
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? " " : "";
  });
}

// Pinyin as pages print it over characters (<ruby>): a syllable is an optional initial and a final, its tone a
// mark over a vowel (qū) or a digit after it (qu1). Checked without tones; ü may be written v.
const SYLLABLE = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|er|in|un|ui|ua|uo|ia|ie|iu|üe|ve|ue|a|o|e|i|u|ü|v)";
const PINYIN = new RegExp(`^${SYLLABLE}[1-5]?(?:[\\s'’·-]*${SYLLABLE}[1-5]?)*$`);
const TONE_MARK = /[\u0300\u0301\u0304\u030c]/;
const LATIN = "A-Za-z\\u00c0-\\u024f\\u0300-\\u036f";
// "縣區(qū)", "負責（zé）", "牽 (qiān) 頭", "区[qu1]": a bracket of pinyin straight after a character.
const BRACKETED = new RegExp(`(?<=\\p{Script=Han})\\s*[(\\[]\\s*([${LATIN}1-5\\s'’·-]{1,60}?)\\s*[)\\]]`, "gu");
// "區qū域": tone-marked pinyin with no bracket (a ruby copied without its <rp>); never bare digits.
const BARE = new RegExp(`(?<=\\p{Script=Han})[ \\t]*([${LATIN}]+(?:['’ ][${LATIN}]+)*)(?=$|[^${LATIN}])`, "gu");

/** Whether the text is pinyin with its tones: every syllable valid, at least one tone written. */
export function isPinyin(text: string, { digits = true }: { digits?: boolean } = {}): boolean {
  const decomposed = text.normalize("NFD").toLowerCase();
  const toned = TONE_MARK.test(decomposed) || (digits && /[a-zü][1-5](?![0-9])/.test(text.normalize("NFC").toLowerCase()));
  if (!toned) return false;
  const bare = decomposed.replace(/[\u0300\u0301\u0304\u030c]/g, "").normalize("NFC").trim();
  return bare !== "" && !/\d{2}/.test(bare) && PINYIN.test(bare);
}

/**
 * Drops pinyin a web page printed after characters — "縣區(qū)", "牽(qiān)頭", "负责(fù zé)", "区[qu1]", "區qū" —
 * and leaves every other bracket alone: (牵头单位:…), (2026年), (1), (APP), (一).
 */
export function dropPinyin(s: string): string {
  if (!/[A-Za-z\u00c0-\u024f]/.test(s)) return s;
  return s
    .replace(BRACKETED, (whole, inner: string) => (isPinyin(inner) ? "" : whole))
    .replace(BARE, (whole, inner: string) => (isPinyin(inner, { digits: false }) ? "" : whole));
}

export function normaliseLine(raw: string): string {
  return toSimplified(dropSpaces(dropPinyin(normaliseWidth(raw))));
}

const PAGE_LABELS =
  "发布时间|发布日期|发布机构|时间|日期|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑|审核|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击率|访问次数|访问量|索引号|发文机关|发文字号|主题分类|主题词|成文日期|发布文号|所属机构|当前位置|您的位置|你的位置|您现在的位置|所在位置|上一篇|下一篇|上一条|下一条|字号|字体";
// A line that starts with a page's label and a colon: "发布时间:2019-08-27", "来源:区发改委", "上一篇:…".
const LABELLED_NOISE = new RegExp(`^(?:${PAGE_LABELS}):`);
// Two of these on one line never occur in a plan's own text: "2023-04-12 来源:区发改委 浏览次数:429".
const PAGE_LABEL_ANYWHERE = /(?:发布时间|发布日期|信息来源|文章来源|来源|作者|责任编辑|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|访问次数|访问量|字号|索引号|发文机关):/g;
const BUTTON_NOISE = new RegExp(
  "^(?:打印本页|打印此文|打印本文|打印正文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回列表|返回|顶部|TOP|收藏本页|加入收藏|收藏|保存本页|我要纠错|纠错|" +
    "(?:字号|字体)[:]?(?:大中小|默认|超大|标准)+|[大中小]{3}|分享到.*|分享|扫一扫.*|用手机扫.*|相关链接|相关文章|相关阅读|附件下载|下载附件|网站地图|联系我们)+$",
  "i",
);
// "首页 > 政务公开 > 通知公告", "网站首页»信息公开".
const BREADCRUMB = /^(?:首页|网站首页|主页|门户首页|政府首页)(?:>|»|›|→|\/|\||-)/;
// Footers: "版权所有:…", "京ICP备…号", "公网安备…", "网站标识码…".
const FOOTER = /^(?:版权所有|Copyright|©)|ICP[备证]\d|公网安备\d|网站标识码/i;
// A page stamp alone: "2023-04-12", "2023-04-12 10:30:05" (a signed date, 2023年3月1日, is the plan's own).
const STAMP = /^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?: ?\d{1,2}:\d{2}(?::\d{2})?)?$/;
// Page numbers a PDF brings: "— 3 —", "-3-", "第3页", "第3页共8页", "3/8".
const PAGE_NUMBER = /^(?:[-—–]+\d{1,3}[-—–]+|第\d{1,3}页(?:\/?共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/;

/** Page furniture a browser copy or a PDF brings along (headers, buttons, share bars, breadcrumbs, footers). */
export function isNoise(line: string): boolean {
  const bare = line.replace(/[【】\[\]()|丨·•>\/]/g, "");
  if (LABELLED_NOISE.test(line) || LABELLED_NOISE.test(bare)) return true;
  if (new Set([...line.matchAll(PAGE_LABEL_ANYWHERE)].map((m) => m[0])).size >= 2) return true;
  if (BREADCRUMB.test(line) || FOOTER.test(line) || STAMP.test(line) || PAGE_NUMBER.test(line)) return true;
  if (/^责任编辑.{1,8}$/.test(bare)) return true;
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
