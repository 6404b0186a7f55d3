import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/auth/body-limit";
import { MAX_PLAN_BYTES, PLAN_FILE_ACCEPT, decodePlanBytes, planFileTooLarge } from "./decode-upload";

describe("plan upload limits and text", () => {
  it("takes files well past a plain text's size, but never more than a server action accepts with the form", () => {
    expect(MAX_PLAN_BYTES).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(MAX_PLAN_BYTES).toBeLessThan(SERVER_ACTION_BODY_LIMIT);
  });

  it("says in Chinese how large the file is and what the limit is", () => {
    expect(planFileTooLarge(MAX_PLAN_BYTES + 3 * 1024 * 1024)).toBe(
      `文件过大（${(MAX_PLAN_BYTES / 1024 / 1024 + 3).toFixed(1).replace(/\.0$/, "")} MB），工作要点文件不应超过 ${(MAX_PLAN_BYTES / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB：请删去文件中的图片后重新保存，或复制全文粘贴。`,
    );
  });

  it("offers Word, PDF and text files in the picker", () => {
    for (const type of [".docx", ".xlsx", ".pdf", ".txt"]) expect(PLAN_FILE_ACCEPT.split(",")).toContain(type);
  });

  it("decodes UTF-8 (BOM dropped), UTF-16 and GBK text", () => {
    const text = "一、重点任务\n1．推进信用信息归集。〔责任单位：县发改局〕";
    expect(decodePlanBytes(new TextEncoder().encode(`\ufeff${text}`))).toBe(text);
    expect(decodePlanBytes(new Uint8Array(iconv.encode(text, "utf16le", { addBOM: true })))).toBe(text);
    expect(decodePlanBytes(new Uint8Array(iconv.encode(text, "gbk")))).toBe(text);
  });
});
