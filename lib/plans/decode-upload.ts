import { SERVER_ACTION_BODY_LIMIT } from "@/lib/auth/body-limit";
import { decodeDocument } from "@/lib/workplan/decode";

/**
 * Plan files arrive as .docx, an Excel 任务分解表 (.xlsx), text PDFs or plain text (UTF-8 with or without BOM, UTF-16 with a BOM, or,
 * from older office software, GB18030/GBK). The server reads them with lib/workplan/files; this module is
 * also loaded in the browser, so it holds only the limits and the text decoding.
 */
export function decodePlanBytes(bytes: Uint8Array): string {
  return decodeDocument(bytes).replace(/^\uFEFF/, "");
}

/**
 * The largest plan file accepted: a .docx or PDF with a seal or a logo is larger than its text. It stays
 * under the server actions' body limit (lib/auth/body-limit.ts), which the form's other fields share.
 */
export const MAX_PLAN_BYTES = Math.min(20 * 1024 * 1024, SERVER_ACTION_BODY_LIMIT - 1024 * 1024);

export const PLAN_FILE_ACCEPT = ".docx,.xlsx,.pdf,.txt,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the page and the server say about a file over the limit. */
export function planFileTooLarge(size: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, "");
  return `文件过大（${mb(size)} MB），工作要点文件不应超过 ${mb(MAX_PLAN_BYTES)} MB：请删去文件中的图片后重新保存，或复制全文粘贴。`;
}
