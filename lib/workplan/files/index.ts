/**
 * A work-plan file as it comes → the plan's text for the reader. Told apart by content, not by name: .docx
 * (paragraphs and 任务分解表), .xlsx (a 任务分解表 a sheet), text PDFs, plain text in UTF-8, UTF-16 or
 * GBK/GB18030, and a web page saved as .html. Anything else gets a Chinese message saying what to do with it.
 */
import { decodeDocument } from "../decode";
import type { FileKind, FileText } from "./blocks";
import { readDocx } from "./docx";
import { FileReadError } from "./package";
import { readPdf } from "./pdf";
import { blocksToText } from "./text";
import { decodeEntities } from "./xml";
import { readXlsx } from "./xlsx";

export type { Block, FileKind, FileText, TableCell } from "./blocks";
export { FileReadError } from "./package";

const PASTE = "或把全文复制粘贴到上面的文本框";
export const DOC_REFUSED = `这是旧版 Word（.doc）或 WPS（.wps）格式，无法直接读取：请在 Word 或 WPS 中打开，“另存为” .docx 后上传，${PASTE}。`;
export const ENCRYPTED_OFFICE_REFUSED = `这个文件设置了打开密码，无法读取：请在 Word、Excel 或 WPS 中取消密码，另存为 .docx 或 .xlsx 后上传，${PASTE}。`;
export const XLS_REFUSED = `这是旧版 Excel（.xls）格式，无法直接读取：请在 Excel 或 WPS 中打开，“另存为” .xlsx 后上传，${PASTE}。`;
export const SLIDES_REFUSED = `这是演示文稿，无法读取工作要点：请提供 .docx、.xlsx、文字版 PDF 或 .txt 文件，${PASTE}。`;
export const OFD_REFUSED = `这是 OFD 版式文件，暂不能读取：请提供 .docx 或文字版 PDF 文件，${PASTE}。`;
export const RTF_REFUSED = `这是 RTF 格式，无法直接读取：请在 Word 或 WPS 中打开，“另存为” .docx 后上传，${PASTE}。`;
export const WEB_ARCHIVE_REFUSED = `这是“单个网页”（.mht）格式，无法直接读取：请在 Word 中打开后“另存为” .docx，${PASTE}。`;
export const IMAGE_REFUSED = `这是图片，无法读取其中的文字：请提供 .docx 或文字版 PDF 文件，${PASTE}。`;
export const UNKNOWN_REFUSED = `无法识别这个文件的格式：请上传 .docx、.xlsx、文字版 PDF 或 .txt（UTF-8 或 GBK）文件，${PASTE}。`;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** Whether a UTF-16LE name occurs in the bytes (an OLE directory entry: "EncryptedPackage"). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const needle = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Names of the entries in a zip, from its central directory and its local headers (a cut-off file has only these). */
function zipNames(bytes: Uint8Array): string[] {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 30 <= bytes.length && names.size < 2000; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b) continue;
    const central = bytes[i + 2] === 0x01 && bytes[i + 3] === 0x02;
    const local = bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04;
    if (!central && !local) continue;
    const [lengthAt, nameAt] = central ? [28, 46] : [26, 30];
    if (i + nameAt > bytes.length) break;
    const nameLength = view.getUint16(i + lengthAt, true);
    names.add(new TextDecoder().decode(bytes.subarray(i + nameAt, Math.min(bytes.length, i + nameAt + nameLength))));
  }
  return [...names];
}

/** A saved web page → its text, a block element a line (the normaliser then drops the page furniture). */
export function htmlToText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<(?:br|hr)\b[^>]*>/gi, "\n")
    .replace(/<\/?(?:p|div|li|ul|ol|tr|table|tbody|thead|h[1-6]|section|article|header|footer|nav|blockquote|pre|dd|dt|dl)\b[^>]*>/gi, "\n")
    .replace(/<\/?(?:td|th)\b[^>]*>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/gi, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity) => decodeEntities(entity.toLowerCase())); // HTML names entities in either case
}

/** Text that is mostly control characters or replacement marks is not text. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 20_000);
  if (sample.length === 0) return false;
  const bad = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  return bad / sample.length > 0.02;
}

/** Reads an uploaded or given work-plan file. Never throws for a bad file: it says what is wrong. */
export async function readPlanFile(bytes: Uint8Array): Promise<FileText> {
  const refuse = (error: string, kind: FileKind | null = null): FileText => ({ ok: false, error, kind });
  try {
    // Old binary Office (.doc, .wps, .xls, .et) and encrypted OOXML share the OLE compound-file magic; the
    // names of their streams tell them apart (Word's "WordDocument", Excel's "Workbook", Excel 5's "Book").
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
      const head = bytes.subarray(0, 1 << 20);
      if (hasUtf16Name(head, "EncryptedPackage")) return refuse(ENCRYPTED_OFFICE_REFUSED);
      if (!hasUtf16Name(bytes, "WordDocument\0") && (hasUtf16Name(bytes, "Workbook\0") || hasUtf16Name(bytes, "Book\0"))) return refuse(XLS_REFUSED);
      return refuse(DOC_REFUSED);
    }
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
      const names = zipNames(bytes);
      if (names.some((n) => n.startsWith("word/"))) return { ok: true, text: blocksToText(readDocx(bytes)), kind: "docx" };
      if (names.some((n) => n.startsWith("xl/"))) return { ok: true, text: blocksToText(readXlsx(bytes)), kind: "xlsx" };
      if (names.some((n) => n.startsWith("ppt/"))) return refuse(SLIDES_REFUSED);
      if (names.some((n) => /^(?:OFD\.xml|Doc_\d+\/)/i.test(n))) return refuse(OFD_REFUSED);
      return refuse(UNKNOWN_REFUSED);
    }
    const head = ascii(bytes, 0, 1024);
    if (/^\s*%PDF-/.test(ascii(bytes, 0, 16)) || head.includes("%PDF-")) {
      return { ok: true, text: blocksToText(await readPdf(bytes)), kind: "pdf" };
    }
    if (head.startsWith("{\\rtf")) return refuse(RTF_REFUSED);
    if (/^\s*MIME-Version:/i.test(head) || /Content-Type:\s*multipart\/related/i.test(head)) return refuse(WEB_ARCHIVE_REFUSED);
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || /^GIF8[79]a/.test(head) || (head.startsWith("BM") && [12, 40, 52, 56, 108, 124].includes(bytes[14]!) && bytes[15] === 0)
      || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) || (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP")) {
      return refuse(IMAGE_REFUSED);
    }
    const text = decodeDocument(bytes);
    if (looksBinary(text)) return refuse(UNKNOWN_REFUSED);
    if (/^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>])/i.test(text.replace(/^\ufeff/, ""))) return { ok: true, text: htmlToText(text), kind: "text" };
    return { ok: true, text: text.replace(/^\ufeff/, ""), kind: "text" };
  } catch (err) {
    if (err instanceof FileReadError) return refuse(err.message);
    throw err;
  }
}
