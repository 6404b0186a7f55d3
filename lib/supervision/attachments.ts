import { and, asc, count, eq, sum } from "drizzle-orm";
import type { Db } from "@/db/client";
import { supervisionAttachments, supervisionItems } from "@/db/schema";
import { conflict, notFound, Refusal, z, type WriteAction } from "@/lib/write";
import { isParty } from "./actions";

/** One file fits in a form post (lib/auth/body-limit.ts allows 5 MB for the whole form). */
export const ATTACHMENT_LIMIT_BYTES = 4 * 1024 * 1024;
export const ATTACHMENTS_PER_ITEM = 10;
export const ATTACHMENT_TOTAL_BYTES = 20 * 1024 * 1024;

const KINDS = [
  { type: "application/pdf", label: "PDF", starts: [[0x25, 0x50, 0x44, 0x46, 0x2d]] }, // %PDF-
  { type: "image/png", label: "PNG", starts: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  { type: "image/jpeg", label: "JPEG", starts: [[0xff, 0xd8, 0xff]] },
  { type: "image/gif", label: "GIF", starts: [[0x47, 0x49, 0x46, 0x38, 0x37, 0x61], [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]] },
] as const;

/** What a file is by its first bytes: a PDF or an image the browser shows, else null. WebP is RIFF….WEBP. */
export function attachmentType(bytes: Uint8Array): string | null {
  for (const kind of KINDS) if (kind.starts.some((s) => s.every((b, i) => bytes[i] === b))) return kind.type;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** A name fit to keep and to send back: no path, no control or direction characters, not too long. */
export function cleanAttachmentName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).at(-1) ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  return (cleaned || "附件").slice(0, 120);
}

/** A refusal shown beside the file field, in full. */
const refusedFile = (status: 413 | 422, message: string) => new Refusal(status, message, { file: message });

const attachInput = z.object({
  itemId: z.coerce.number().int().positive(),
  fileName: z.string().max(1_000),
  data: z.instanceof(Uint8Array, { error: "请选择要上传的文件" }),
});

/**
 * A party of the item attaches a PDF or an image to its 整改反馈 while it is working on it. The type is read
 * from the file itself; sizes are limited per file and per item.
 */
export const attachFile: WriteAction<typeof attachInput, { id: number }> = {
  name: "supervision.attach", input: attachInput, allow: (v) => v.role === "department" || v.role === "district", refusal: "只有责任单位可以上传整改附件",
  run: async (tx, input, viewer) => {
    const [item] = await tx.select().from(supervisionItems).where(eq(supervisionItems.id, input.itemId));
    if (!item || !(await isParty(tx, viewer, item))) throw notFound("没有这个督办事项，或它不是交给本单位的");
    if (item.status === "submitted" || item.status === "accepted") throw conflict("反馈已提交或事项已办结，不能再上传附件");
    if (input.data.length === 0) throw refusedFile(422, "文件是空的");
    if (input.data.length > ATTACHMENT_LIMIT_BYTES) throw refusedFile(413, `文件超过${ATTACHMENT_LIMIT_BYTES / 1048576}MB，请压缩或分开上传`);
    const type = attachmentType(input.data);
    if (!type) throw refusedFile(422, "只能上传 PDF 或图片（PNG、JPEG、GIF、WebP）");
    const [held] = await tx.select({ n: count(), total: sum(supervisionAttachments.bytes) }).from(supervisionAttachments).where(eq(supervisionAttachments.itemId, item.id));
    if ((held?.n ?? 0) >= ATTACHMENTS_PER_ITEM) throw refusedFile(422, `每个事项最多${ATTACHMENTS_PER_ITEM}个附件，请先删除不需要的`);
    if (Number(held?.total ?? 0) + input.data.length > ATTACHMENT_TOTAL_BYTES) throw refusedFile(413, `每个事项的附件合计不超过${ATTACHMENT_TOTAL_BYTES / 1048576}MB`);
    const fileName = cleanAttachmentName(input.fileName);
    const [row] = await tx.insert(supervisionAttachments).values({
      itemId: item.id, fileName, contentType: type, bytes: input.data.length, data: Buffer.from(input.data), uploadedBy: viewer.username, uploadedAt: new Date().toISOString(),
    }).returning({ id: supervisionAttachments.id });
    return { value: { id: row!.id }, audit: { entityType: "supervision_item", entityId: item.id, departmentId: viewer.departmentId, districtId: item.districtId, summary: `为督办事项 #${item.id} 上传附件“${fileName}”（${Math.ceil(input.data.length / 1024)} KB）`, after: { attachment: row!.id, fileName, type, bytes: input.data.length } } };
  },
};

const removeInput = z.object({ itemId: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() });

export const removeAttachment: WriteAction<typeof removeInput, null> = {
  name: "supervision.detach", input: removeInput, allow: (v) => v.role === "department" || v.role === "district", refusal: "只有责任单位可以删除整改附件",
  run: async (tx, input, viewer) => {
    const [item] = await tx.select().from(supervisionItems).where(eq(supervisionItems.id, input.itemId));
    if (!item || !(await isParty(tx, viewer, item))) throw notFound("没有这个督办事项，或它不是交给本单位的");
    if (item.status === "submitted" || item.status === "accepted") throw conflict("反馈已提交或事项已办结，不能再删除附件");
    const removed = await tx.delete(supervisionAttachments).where(and(eq(supervisionAttachments.id, input.attachmentId), eq(supervisionAttachments.itemId, item.id))).returning({ name: supervisionAttachments.fileName });
    if (removed.length === 0) throw notFound("没有这个附件");
    return { value: null, audit: { entityType: "supervision_item", entityId: item.id, departmentId: viewer.departmentId, districtId: item.districtId, summary: `删除督办事项 #${item.id} 的附件“${removed[0]!.name}”` } };
  },
};

/** An item's attachments without their bytes, for its page. */
export function listAttachments(db: Db, itemId: number) {
  return db.select({ id: supervisionAttachments.id, fileName: supervisionAttachments.fileName, contentType: supervisionAttachments.contentType, bytes: supervisionAttachments.bytes, uploadedBy: supervisionAttachments.uploadedBy, uploadedAt: supervisionAttachments.uploadedAt })
    .from(supervisionAttachments).where(eq(supervisionAttachments.itemId, itemId)).orderBy(asc(supervisionAttachments.id));
}

/** One attachment with its bytes, for whoever may see its item (checked by the caller through getItem). */
export async function readAttachment(db: Db, itemId: number, attachmentId: number) {
  const [row] = await db.select().from(supervisionAttachments).where(and(eq(supervisionAttachments.id, attachmentId), eq(supervisionAttachments.itemId, itemId)));
  return row ?? null;
}
