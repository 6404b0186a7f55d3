import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import yauzl from "yauzl";
import { circulars } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { conflict, notFound, Refusal, z, type WriteAction } from "@/lib/write";

/**
 * The office's final Word copy travels in a form post, and lib/auth/body-limit.ts allows 5 MB for a whole
 * form (the proxy answers a larger one 413 before it is read). A circular's .docx is a few hundred KB even
 * with its chart; 4 MB leaves room for a scanned letterhead or seal.
 */
export const FINAL_COPY_LIMIT_BYTES = 4 * 1024 * 1024;
const LIMIT_MB = FINAL_COPY_LIMIT_BYTES / 1024 / 1024;
// A .docx has a few dozen parts; thousands mean something else, and listing them costs memory.
const MAX_ENTRIES = 10_000;

const starts = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4, a zip's first local header
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc, .xls, and password-protected .docx
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

/** A refusal shown beside the file field, in full. */
const refusedFile = (status: 413 | 415 | 422, message: string) => new Refusal(status, message, { file: message });

const SAVE_AS_DOCX = "请在 Word 或 WPS 中“另存为”Word 文档（*.docx）后上传";

/**
 * Refuses anything but a Word .docx, by its bytes and the zip's central directory only (nothing is inflated):
 * the package must hold `[Content_Types].xml` and `word/document.xml`. Too big is 413, another kind of file
 * 415, an empty or broken one 422; every message says what to do in Chinese.
 */
export async function checkFinalCopy(data: Uint8Array): Promise<void> {
  if (data.length === 0) throw refusedFile(422, "上传的定稿文件是空的，请重新选择");
  if (data.length > FINAL_COPY_LIMIT_BYTES) throw refusedFile(413, `定稿文件超过${LIMIT_MB}MB。请在 Word 中压缩图片（文件→压缩图片）后再上传`);
  if (starts(data, OLE)) throw refusedFile(415, `这是旧版 Word 文档（.doc）或设了打开密码的文档，无法作为定稿保存。${SAVE_AS_DOCX}，不要设置打开密码`);
  if (starts(data, PDF)) throw refusedFile(415, `这是 PDF 文件，不是 Word 文档。定稿须为 Word 文档（.docx）：${SAVE_AS_DOCX}`);
  if (starts(data, RTF)) throw refusedFile(415, `这是 RTF 文件，不是 Word 文档（.docx）。${SAVE_AS_DOCX}`);
  if (!starts(data, ZIP)) throw refusedFile(415, `文件不是 Word 文档（.docx）。${SAVE_AS_DOCX}`);

  const names = await zipEntryNames(data);
  const has = (name: string) => names.has(name);
  if (has("xl/workbook.xml")) throw refusedFile(415, "这是 Excel 表格，不是 Word 文档。定稿请上传 Word 文档（.docx）");
  if (has("ppt/presentation.xml")) throw refusedFile(415, "这是 PowerPoint 演示文稿，不是 Word 文档。定稿请上传 Word 文档（.docx）");
  if (!has("[content_types].xml") || !has("word/document.xml")) {
    throw refusedFile(415, `文件是压缩包，但不是 Word 文档（缺少 word/document.xml）。${SAVE_AS_DOCX}`);
  }
  if (has("word/vbaproject.bin")) throw refusedFile(415, `文件含宏（.docm），不能作为定稿保存。${SAVE_AS_DOCX}（不含宏）`);
}

/** The lower-cased entry names of a zip's central directory (OOXML part names ignore case). */
async function zipEntryNames(data: Uint8Array): Promise<Set<string>> {
  const broken = () => refusedFile(422, `文件已损坏或不完整，无法读取。${SAVE_AS_DOCX}`);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(data.buffer, data.byteOffset, data.length), { lazyEntries: true, autoClose: false });
  } catch {
    throw broken();
  }
  const names = new Set<string>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (names.size >= MAX_ENTRIES) throw broken();
      if (entry.isEncrypted()) throw refusedFile(415, `文件已加密，无法作为定稿保存。${SAVE_AS_DOCX}，不要设置密码`);
      names.add(entry.fileName.toLowerCase());
    }
  } catch (error) {
    throw error instanceof Refusal ? error : broken();
  } finally {
    zip.close();
  }
  return names;
}

/** The name kept and shown for an uploaded file: no folders, control or direction characters, not too long. */
export function cleanFinalCopyName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).at(-1) ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  return (cleaned || "定稿.docx").slice(0, 120);
}

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** An uploaded file as a write's input: its name as sent and its bytes. */
export const finalCopyFile = z.object({
  fileName: z.string().max(1_000),
  data: z.instanceof(Uint8Array, { error: "请选择定稿文件（.docx）" }),
});

const replaceInput = z.object({ id: z.coerce.number().int().positive() }).extend(finalCopyFile.shape);

/**
 * 上传定稿: the office replaces an issued circular's Word copy with its own edited final file (after typing in
 * the number, say). The generated file is kept; a voided circular's copy stays as it was.
 */
export const uploadFinalCopy: WriteAction<typeof replaceInput, { id: number; documentNumber: string }> = {
  name: "circular.final_copy", input: replaceInput, allow: isOffice, refusal: "只有信用办可以上传通报定稿",
  check: async (db, input) => {
    const [row] = await db.select({ documentNumber: circulars.documentNumber, voidedOn: circulars.voidedOn }).from(circulars).where(eq(circulars.id, input.id));
    if (!row) throw notFound("该通报不存在");
    if (row.voidedOn) throw conflict(`${row.documentNumber}已作废（${row.voidedOn}），不能再上传定稿`);
    await checkFinalCopy(input.data);
  },
  run: async (tx, input, viewer) => {
    const [before] = await tx.select({ file: circulars.finalDocx, fileName: circulars.finalFileName, at: circulars.finalUploadedAt, by: circulars.finalUploadedBy })
      .from(circulars).where(eq(circulars.id, input.id));
    const data = Buffer.from(input.data);
    const fileName = cleanFinalCopyName(input.fileName);
    const [row] = await tx.update(circulars)
      .set({ finalDocx: data, finalFileName: fileName, finalUploadedAt: new Date().toISOString(), finalUploadedBy: viewer.displayName })
      .where(and(eq(circulars.id, input.id), isNull(circulars.voidedOn)))
      .returning({ documentNumber: circulars.documentNumber });
    // check() ran inside this transaction too, so the row is there and in force; kept as a guard.
    if (!row) throw conflict("该通报已作废或不存在，不能上传定稿");
    const previous = before?.file ? { fileName: before.fileName, bytes: before.file.length, sha256: sha256(before.file), uploadedAt: before.at, uploadedBy: before.by } : null;
    return {
      value: { id: input.id, documentNumber: row.documentNumber },
      audit: {
        entityType: "circular", entityId: input.id,
        summary: `${previous ? "替换" : "上传"}通报${row.documentNumber}的信用办定稿“${fileName}”（${Math.ceil(data.length / 1024)} KB）`,
        before: { finalCopy: previous }, after: { finalCopy: { fileName, bytes: data.length, sha256: sha256(data) } },
      },
    };
  },
};
