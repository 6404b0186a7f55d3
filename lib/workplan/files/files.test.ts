import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readWorkPlan } from "../read";
import { tinyPdf } from "./__fixtures__/tiny-pdf";
import { DOCX_BROKEN } from "./docx";
import {
  DOC_REFUSED, ENCRYPTED_OFFICE_REFUSED, IMAGE_REFUSED, OFD_REFUSED, RTF_REFUSED, UNKNOWN_REFUSED, WEB_ARCHIVE_REFUSED, XLS_REFUSED, readPlanFile,
} from "./index";
import { PDF_BROKEN, PDF_PARTLY_SCANNED, PDF_SCANNED } from "./pdf";

const PLAN = "某县2026年社会信用体系建设工作要点\n一、重点任务\n1．推进信用信息归集。双公示数据上报率达到100%。〔责任单位：县发改局、县市场监管局〕\n";

async function refusal(bytes: Uint8Array): Promise<string> {
  const read = await readPlanFile(bytes);
  if (read.ok) throw new Error(`read as ${read.kind}: ${read.text.slice(0, 80)}`);
  return read.error;
}

function ole(extra: Uint8Array = new Uint8Array()): Uint8Array {
  const bytes = new Uint8Array(1024 + extra.length);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(extra, 1024);
  return bytes;
}

const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

describe("plain text", () => {
  it("reads UTF-8 with or without a BOM, UTF-16 with a BOM, and GBK/GB18030", async () => {
    const encodings: Uint8Array[] = [
      new TextEncoder().encode(PLAN),
      new TextEncoder().encode(`\ufeff${PLAN}`),
      new Uint8Array(iconv.encode(PLAN, "utf16le", { addBOM: true })),
      new Uint8Array(iconv.encode(PLAN, "gbk")),
      new Uint8Array(iconv.encode(PLAN, "gb18030")),
    ];
    for (const bytes of encodings) expect(await readPlanFile(bytes)).toEqual({ ok: true, text: PLAN, kind: "text" });
  });

  it("reads a web page saved as .html, its furniture dropped by the reader", async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="gbk"><title>通知</title><style>p{}</style></head><body>
      <div class="nav">首页 &gt; 政务公开 &gt; 通知公告</div><div>发布时间：2026-02-10 来源：县发改局 浏览次数：88</div>
      <h1>某县2026年社会信用体系建设工作要点</h1><p>一、重点任务</p>
      <p>1．推进信用信息归集。双公示数据上报率达到100%。〔责任单位：县发改局&nbsp;、县市场监管局〕</p>
      <div>【字体：大 中 小】【打印本页】【关闭窗口】</div><script>var x = "<p>1．假任务（市财政局负责）</p>";</script></body></html>`;
    const read = await readPlanFile(new Uint8Array(iconv.encode(html, "gbk")));
    if (!read.ok) throw new Error(read.error);
    const plan = readWorkPlan(read.text);
    expect(plan.title).toBe("某县2026年社会信用体系建设工作要点");
    expect(plan.tasks.map((t) => [t.number, t.title, t.units])).toEqual([["1", "推进信用信息归集", ["县发改局", "县市场监管局"]]]);
  });
});

describe("files that cannot be read say what to do", () => {
  it("an old binary .doc (or .wps)", async () => {
    const error = await refusal(ole());
    expect(error).toBe(DOC_REFUSED);
    expect(error).toContain("另存为");
    expect(error).toContain(".docx");
  });

  it("a Word or Excel file with a password", async () => {
    expect(await refusal(ole(utf16("EncryptedPackage")))).toBe(ENCRYPTED_OFFICE_REFUSED);
  });

  it.each([
    ["an old .xls (its stream named Workbook)", utf16("Workbook\0"), XLS_REFUSED],
    ["an Excel 5 .xls (Book)", utf16("Book\0"), XLS_REFUSED],
    ["a .doc (WordDocument), whatever else it names", utf16("WordDocument\0Workbook\0"), DOC_REFUSED],
  ])("%s is told apart from the other old Office files by its stream names", async (_, names, message) => {
    const error = await refusal(ole(names));
    expect(error).toBe(message);
    expect(error).toContain("另存为");
  });

  it("a PDF without a text layer (a scan), on every page or on most", async () => {
    const scan = await refusal(tinyPdf([{ image: true }, { image: true }]));
    expect(scan).toBe(PDF_SCANNED);
    expect(scan).toContain("提供文字版 PDF 或 .docx");
    // A page number stamped on a scan is not a text layer.
    expect(await refusal(tinyPdf([{ image: true }, { text: "- 2 -" }]))).toBe(PDF_SCANNED);
    expect(await refusal(tinyPdf([{ text: "Work plan of the city credit office for the year 2026" }, { image: true }, { image: true }]))).toBe(PDF_PARTLY_SCANNED(3, 1));
  });

  it("reads a PDF whose pages carry text", async () => {
    const read = await readPlanFile(tinyPdf([{ text: "Work plan of the city credit office for the year 2026" }]));
    expect(read).toEqual({ ok: true, kind: "pdf", text: "Work plan of the city credit office for the year 2026" });
  });

  it("broken files, OFD, RTF, web archives, pictures and unknown binaries", async () => {
    expect(await refusal(new TextEncoder().encode("%PDF-1.7\nnot really a pdf"))).toBe(PDF_BROKEN);
    expect(await refusal(zipSync({ "word/document.xml": new TextEncoder().encode("<w:document><w:body><w:p>") }).slice(0, 40))).toBe(DOCX_BROKEN);
    expect(await refusal(zipSync({ "OFD.xml": new Uint8Array(1), "Doc_0/Document.xml": new Uint8Array(1) }))).toBe(OFD_REFUSED);
    expect(await refusal(new TextEncoder().encode("{\\rtf1\\ansi 工作要点}"))).toBe(RTF_REFUSED);
    expect(await refusal(new TextEncoder().encode("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n"))).toBe(WEB_ARCHIVE_REFUSED);
    expect(await refusal(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(IMAGE_REFUSED);
    expect(await refusal(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe(IMAGE_REFUSED);
    expect(await refusal(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 32))).toBe(UNKNOWN_REFUSED);
  });

  it("a .docx with a missing document part", async () => {
    expect(await refusal(zipSync({ "word/styles.xml": new TextEncoder().encode("<w:styles/>") }))).toBe(DOCX_BROKEN);
  });
});
