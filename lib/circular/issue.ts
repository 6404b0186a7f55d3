import { and, desc, eq, isNull, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { circulars } from "@/db/schema";
import { isOffice } from "@/lib/auth/scope";
import { isIsoDate, isIsoMonth, todayInChina, type IsoMonth } from "@/lib/dates";
import { conflict, notFound, Refusal, z, type WriteAction } from "@/lib/write";
import { circularCharts } from "./chart-svg";
import { buildCircular } from "./content";
import type { CircularDocument } from "./document";
import { renderCircularDocx } from "./docx";
import { checkFinalCopy, cleanFinalCopyName, finalCopyFile, sha256 } from "./final-copy";
import { loadCircularFacts } from "./load-facts";
import { getCircularSettings } from "./settings";
import { buildCircularWorkbook } from "./workbook";

export interface GeneratedCircular {
  document: CircularDocument;
  docx: Buffer;
  xlsx: Buffer;
}

type Issue = { documentNumber: string; issuedOn: string };

async function circularDocument(db: Db, month: IsoMonth, issue?: Issue) {
  const facts = await loadCircularFacts(db, month);
  if (!facts) return null;
  const settings = await getCircularSettings(db);
  const document = buildCircular(facts, {
    settings, documentNumber: issue?.documentNumber ?? "", issuedOn: issue?.issuedOn ?? todayInChina(), draft: !issue,
    charts: circularCharts(facts),
  });
  return { facts, document };
}

/** The month's draft as the screen and the print view show it, without drawing its Word and Excel files. */
export async function draftCircularDocument(db: Db, month: IsoMonth): Promise<CircularDocument | null> {
  return (await circularDocument(db, month))?.document ?? null;
}

/** One of the draft's files: its Word copy or its Excel tables, without drawing the other. */
export async function draftCircularFile(db: Db, month: IsoMonth, kind: "docx" | "xlsx"): Promise<{ title: string; file: Buffer } | null> {
  const built = await circularDocument(db, month);
  if (!built) return null;
  const file = kind === "docx" ? await renderCircularDocx(built.document) : await buildCircularWorkbook(db, built.facts);
  return { title: built.document.title, file };
}

/** A circular for a month from the current numbers: a draft unless a number and date are given. */
export async function generateCircular(db: Db, month: IsoMonth, issue?: Issue): Promise<GeneratedCircular | null> {
  const built = await circularDocument(db, month, issue);
  if (!built) return null;
  const [docx, xlsx] = await Promise.all([renderCircularDocx(built.document), buildCircularWorkbook(db, built.facts)]);
  return { document: built.document, docx, xlsx };
}

export const issueCircularInput = z.object({
  month: z.string({ error: "请选择月份" }).refine(isIsoMonth, "月份格式应为YYYY-MM"),
  issuedOn: z.string().refine(isIsoDate, "印发日期格式应为YYYY-MM-DD").optional(),
  /** 信用办定稿: the office's own edited .docx, kept and served as the issued Word copy. */
  finalCopy: finalCopyFile.optional(),
});

/**
 * Issues the month's circular: the next number of the year and its files, frozen. Runs in the write
 * path's transaction, so concurrent issues take consecutive numbers and a month is issued once. With the
 * office's final copy, that file is the issued Word copy; the generated one is kept beside it.
 */
export function issueCircularAction(db: Db): WriteAction<typeof issueCircularInput, { id: number; documentNumber: string }> {
  return {
    name: "circular.issue", input: issueCircularInput, allow: isOffice, refusal: "只有信用办可以印发通报",
    // Before the write lock, and again inside it: the file is read only as far as its zip directory.
    check: async (_db, { finalCopy }) => {
      if (finalCopy) await checkFinalCopy(finalCopy.data);
    },
    run: async (tx, { month, issuedOn = todayInChina(), finalCopy }, viewer) => {
      const [existing] = await tx.select({ documentNumber: circulars.documentNumber }).from(circulars)
        .where(and(eq(circulars.month, month), isNull(circulars.voidedOn)));
      if (existing) throw conflict(`${month}的通报已印发（${existing.documentNumber}），不能重复印发；如需更正，请先作废`);
      const year = Number(issuedOn.slice(0, 4));
      const [{ last } = { last: 0 }] = await tx.select({ last: max(circulars.sequence) }).from(circulars).where(eq(circulars.year, year));
      const sequence = (last ?? 0) + 1;
      const settings = await getCircularSettings(tx);
      const documentNumber = `${settings.documentNumberPrefix}〔${year}〕${sequence}号`;
      const generated = await generateCircular(db, month, { documentNumber, issuedOn });
      if (!generated) throw new Refusal(422, `${month}尚无计算好的指标，无法生成通报`, { month: "该月尚无计算好的指标" });
      const final = finalCopy && {
        finalDocx: Buffer.from(finalCopy.data), finalFileName: cleanFinalCopyName(finalCopy.fileName),
        finalUploadedAt: new Date().toISOString(), finalUploadedBy: viewer.displayName,
      };
      const [row] = await tx.insert(circulars).values({
        month, year, sequence, documentNumber, title: generated.document.title, issuedOn, docx: generated.docx, xlsx: generated.xlsx, ...final,
      }).returning({ id: circulars.id });
      const finalFacts = final ? { fileName: final.finalFileName, bytes: final.finalDocx.length, sha256: sha256(final.finalDocx) } : null;
      return {
        value: { id: row!.id, documentNumber },
        audit: {
          entityType: "circular", entityId: row!.id,
          summary: `印发${generated.document.title}（${documentNumber}）${finalFacts ? `，以信用办定稿“${finalFacts.fileName}”为印发件` : ""}`,
          after: { month, documentNumber, issuedOn, finalCopy: finalFacts },
        },
      };
    },
  };
}

export const voidCircularInput = z.object({
  id: z.coerce.number().int().positive(),
  reason: z.string({ error: "请填写作废原因" }).trim().min(2, "请填写作废原因").max(200, "作废原因不超过200字"),
});

/** 作废: an issued circular is withdrawn with a reason; its number stays used, the month may be issued again. */
export const voidCircular: WriteAction<typeof voidCircularInput, null> = {
  name: "circular.void", input: voidCircularInput, allow: isOffice, refusal: "只有信用办可以作废通报",
  check: async (db, input) => {
    const [row] = await db.select({ voidedOn: circulars.voidedOn }).from(circulars).where(eq(circulars.id, input.id));
    if (!row) throw notFound("该通报不存在");
    if (row.voidedOn) throw conflict("该通报已作废");
  },
  run: async (tx, input) => {
    const voidedOn = todayInChina();
    const [row] = await tx.update(circulars).set({ voidedOn, voidedReason: input.reason }).where(eq(circulars.id, input.id))
      .returning({ documentNumber: circulars.documentNumber, month: circulars.month });
    return { value: null, audit: { entityType: "circular", entityId: input.id, summary: `作废通报${row!.documentNumber}：${input.reason}`, before: { voidedOn: null }, after: { voidedOn, reason: input.reason } } };
  },
};

export async function listIssuedCirculars(db: Db) {
  return db.select({
    id: circulars.id, month: circulars.month, documentNumber: circulars.documentNumber, title: circulars.title, issuedOn: circulars.issuedOn,
    voidedOn: circulars.voidedOn, voidedReason: circulars.voidedReason,
    finalFileName: circulars.finalFileName, finalUploadedAt: circulars.finalUploadedAt, finalUploadedBy: circulars.finalUploadedBy,
  }).from(circulars).orderBy(desc(circulars.month), desc(circulars.id));
}

/**
 * An issued circular's file: `docx` is the Word copy it is issued as (the office's final copy when one was
 * uploaded, else the generated one), `generated` the system-generated Word file, `xlsx` the tables.
 */
export async function getIssuedFile(db: Db, id: number, kind: IssuedFileKind) {
  const file = kind === "xlsx" ? circulars.xlsx : kind === "generated" ? circulars.docx : sql<unknown>`coalesce(${circulars.finalDocx}, ${circulars.docx})`;
  const [row] = await db.select({ month: circulars.month, title: circulars.title, final: sql<number>`${circulars.finalDocx} is not null`, file })
    .from(circulars).where(eq(circulars.id, id));
  return row ? { month: row.month, title: row.title, final: kind === "docx" && Boolean(row.final), file: asBuffer(row.file) } : null;
}

export type IssuedFileKind = "docx" | "generated" | "xlsx";

/** A blob as the driver returns it (Buffer, ArrayBuffer or a typed array), as a Buffer. */
function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new Error("通报文件读取失败：数据库返回的不是二进制内容");
}
