import { describe, expect, it } from "vitest";
import { sniffFileKind } from "./index";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

describe("sniffFileKind", () => {
  it("takes a zip for xlsx and text for csv, whatever the name says", () => {
    expect(sniffFileKind(bytes([0x50, 0x4b, 0x03, 0x04], "rest"), "a.csv")).toEqual({ kind: "xlsx" });
    expect(sniffFileKind(bytes("名称,代码\n甲,1\n"), "a.xlsx")).toEqual({ kind: "csv" });
    expect(sniffFileKind(bytes([0xef, 0xbb, 0xbf], "a,b\n"), "a.csv")).toEqual({ kind: "csv" });
  });

  it("reads UTF-16 text with a BOM as csv although it is full of NUL bytes", () => {
    expect(sniffFileKind(Buffer.from("\ufeff名称\t代码\n", "utf16le"), "a.txt")).toEqual({ kind: "csv" });
    expect(sniffFileKind(bytes([0xfe, 0xff, 0x00, 0x41]), "a.txt")).toEqual({ kind: "csv" });
  });

  it("refuses old .xls, password-protected xlsx, PDF, binary, HTML disguised as .xls, and empty files", () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0];
    expect(sniffFileKind(bytes(ole), "a.xls")).toEqual({
      refused: "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再上传",
    });
    const encrypted = Buffer.concat([bytes(ole), Buffer.alloc(600), Buffer.from("EncryptedPackage", "utf16le")]);
    expect(sniffFileKind(encrypted, "a.xlsx")).toMatchObject({ refused: expect.stringContaining("密码") });
    expect(sniffFileKind(bytes("%PDF-1.7\n"), "a.pdf")).toEqual({ refused: "PDF 文件无法导入，请上传 Excel（.xlsx）或 CSV 文件" });
    expect(sniffFileKind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "a.csv")).toEqual({
      refused: "文件不是表格（Excel .xlsx 或 CSV），无法读取",
    });
    expect(sniffFileKind(bytes("<html><body><table><tr><td>1</td></tr></table>"), "导出.xls")).toMatchObject({
      refused: expect.stringContaining("网页（HTML）格式"),
    });
    expect(sniffFileKind(bytes('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'), "a.xml")).toMatchObject({
      refused: expect.stringContaining("Excel 2003 XML"),
    });
    expect(sniffFileKind(new Uint8Array(0), "a.csv")).toMatchObject({ refused: expect.stringContaining("空") });
  });

  it("looks for NUL bytes only in the first 8 KB", () => {
    const head = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    expect(sniffFileKind(head, "a.csv")).toEqual({ kind: "csv" });
  });
});
