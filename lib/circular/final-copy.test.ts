import { Document, Packer, Paragraph } from "docx";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, circulars } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { OFFICE_VIEWER } from "@/tests/support/viewers";
import { checkFinalCopy, FINAL_COPY_LIMIT_BYTES, uploadFinalCopy } from "./final-copy";
import { getIssuedFile, issueCircularAction, listIssuedCirculars, voidCircular } from "./issue";
import { useDemoStore } from "@/tests/support/demo-store";

const office: Viewer = { ...OFFICE_VIEWER, displayName: "王科长", username: "wang" };
const department: Viewer = { ...OFFICE_VIEWER, userId: 2, username: "dept", displayName: "某局", role: "department", departmentId: 1 };

/** A real .docx as Word would save it, with a line that tells copies apart. */
async function wordFile(line: string): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(line)] }] })));
}

/** A stored zip of the named entries, central directory and all (the entries' CRCs are not checked here). */
function zipOf(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const OLD_DOC = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

describe("what a final copy must be", () => {
  it("takes a real .docx, read only as far as its zip directory", async () => {
    await expect(checkFinalCopy(await wordFile("定稿"))).resolves.toBeUndefined();
  });

  it("refuses other files by their bytes, with a status and a message saying what to do", async () => {
    const refusal = async (data: Uint8Array) => {
      try {
        await checkFinalCopy(data);
      } catch (error) {
        const { status, message, fieldErrors } = error as { status: number; message: string; fieldErrors: Record<string, string> };
        expect(fieldErrors.file).toBe(message);
        return { status, message };
      }
      throw new Error("not refused");
    };
    expect(await refusal(OLD_DOC)).toMatchObject({ status: 415, message: expect.stringMatching(/旧版 Word 文档（\.doc）.*另存为.*\.docx/) });
    expect(await refusal(PDF)).toMatchObject({ status: 415, message: expect.stringContaining("这是 PDF 文件") });
    expect(await refusal(zipOf({ "[Content_Types].xml": "<Types/>", "readme.txt": "x" }))).toMatchObject({ status: 415, message: expect.stringContaining("缺少 word/document.xml") });
    expect(await refusal(zipOf({ "word/document.xml": "<w:document/>" }))).toMatchObject({ status: 415 }); // no [Content_Types].xml
    expect(await refusal(zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>" }))).toMatchObject({ status: 415, message: expect.stringContaining("Excel") });
    expect(await refusal(zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>", "word/vbaProject.bin": "x" }))).toMatchObject({ status: 415, message: expect.stringContaining("宏") });
    expect(await refusal(new TextEncoder().encode("<html>定稿</html>"))).toMatchObject({ status: 415, message: expect.stringContaining("不是 Word 文档") });
    const truncated = await wordFile("截断");
    expect(await refusal(truncated.subarray(0, truncated.length - 30))).toMatchObject({ status: 422, message: expect.stringContaining("已损坏") });
    expect(await refusal(new Uint8Array())).toMatchObject({ status: 422, message: expect.stringContaining("空的") });
    const huge = new Uint8Array(FINAL_COPY_LIMIT_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(huge)).toMatchObject({ status: 413, message: expect.stringContaining("超过4MB") });
  });
});

describe("the issued copy is the office's", { timeout: 180_000 }, () => {
  let db: Db;
  useDemoStore("final-copy", { seed: 11, entities: 2_000 }, (opened) => (db = opened));

  const served = async (id: number, kind: "docx" | "generated" = "docx") => (await getIssuedFile(db, id, kind))!;
  const audits = (action: string, id: number) => db.select().from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(id)))).orderBy(desc(auditLog.id));

  it("issues with an uploaded final copy and serves that file byte for byte, the generated one kept beside it", async () => {
    const final = await wordFile("信用办〔2026〕1号 定稿");
    const issued = await write(db, office, issueCircularAction(db), { month: "2026-10", issuedOn: "2026-11-05", finalCopy: { fileName: "C:\\公文\\10月通报定稿.docx", data: final } });
    expect(issued).toMatchObject({ ok: true, value: { documentNumber: "信用办〔2026〕1号" } });
    if (!issued.ok) return;
    const word = await served(issued.value.id);
    expect(word.final).toBe(true);
    expect(word.file.equals(Buffer.from(final))).toBe(true);
    const generated = await served(issued.value.id, "generated");
    expect(generated.final).toBe(false);
    expect(generated.file.equals(Buffer.from(final))).toBe(false);
    await expect(checkFinalCopy(generated.file)).resolves.toBeUndefined(); // the generated file is a .docx too

    const listed = (await listIssuedCirculars(db)).find((c) => c.id === issued.value.id)!;
    expect(listed).toMatchObject({ finalFileName: "10月通报定稿.docx", finalUploadedBy: "王科长", finalUploadedAt: expect.any(String) });
    const [audit] = await audits("circular.issue", issued.value.id);
    expect(audit!.summary).toContain("以信用办定稿“10月通报定稿.docx”为印发件");
    expect(JSON.parse(audit!.after!)).toMatchObject({ finalCopy: { fileName: "10月通报定稿.docx", bytes: final.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it("refuses to issue with a file that is not a .docx, and issues nothing", async () => {
    const before = (await db.select({ id: circulars.id }).from(circulars)).length;
    expect(await write(db, office, issueCircularAction(db), { month: "2026-09", issuedOn: "2026-11-06", finalCopy: { fileName: "定稿.doc", data: OLD_DOC } }))
      .toMatchObject({ ok: false, status: 415, fieldErrors: { file: expect.stringContaining(".docx") } });
    expect((await db.select({ id: circulars.id }).from(circulars)).length).toBe(before);
  });

  it("replaces an issued circular's Word copy later, through the write path with an audit row each time", async () => {
    const issued = await write(db, office, issueCircularAction(db), { month: "2026-09", issuedOn: "2026-11-06" });
    if (!issued.ok) throw new Error(issued.message);
    const { id } = issued.value;
    const generated = (await served(id)).file;
    expect((await served(id)).final).toBe(false);
    expect((await listIssuedCirculars(db)).find((c) => c.id === id)).toMatchObject({ finalUploadedAt: null });

    const first = await wordFile(`${issued.value.documentNumber} 定稿`);
    expect(await write(db, office, uploadFinalCopy, { id, fileName: "定稿.docx", data: first })).toMatchObject({ ok: true, value: { id, documentNumber: issued.value.documentNumber } });
    expect((await served(id)).file.equals(Buffer.from(first))).toBe(true);
    expect((await served(id, "generated")).file.equals(generated)).toBe(true);

    const second = await wordFile(`${issued.value.documentNumber} 定稿（更正错字）`);
    expect(await write(db, office, uploadFinalCopy, { id: String(id), fileName: "定稿2.docx", data: second })).toMatchObject({ ok: true });
    expect((await served(id)).file.equals(Buffer.from(second))).toBe(true);
    expect((await served(id, "generated")).file.equals(generated)).toBe(true);

    const [replaced, uploaded] = await audits("circular.final_copy", id);
    expect(uploaded!.summary).toMatch(/^上传通报信用办〔2026〕2号的信用办定稿“定稿\.docx”/);
    expect(replaced!.summary).toMatch(/^替换通报信用办〔2026〕2号的信用办定稿“定稿2\.docx”/);
    expect(JSON.parse(replaced!.before!).finalCopy).toMatchObject({ fileName: "定稿.docx", bytes: first.length });
    expect(JSON.parse(replaced!.after!).finalCopy).toMatchObject({ fileName: "定稿2.docx", bytes: second.length });
    expect(replaced!.actor).toBe("王科长（wang）");
  });

  it("refuses what is not a .docx, a department, a missing or voided circular — and the served copy stays", async () => {
    const { id } = (await listIssuedCirculars(db)).find((c) => c.month === "2026-09")!;
    const kept = (await served(id)).file;
    const upload = (data: Uint8Array | null, viewer: Viewer = office, to: number = id) => write(db, viewer, uploadFinalCopy, { id: to, fileName: "定稿.docx", data });

    expect(await upload(OLD_DOC)).toMatchObject({ ok: false, status: 415, message: expect.stringContaining("另存为") });
    expect(await upload(PDF)).toMatchObject({ ok: false, status: 415, message: expect.stringContaining("PDF") }); // a PDF renamed .docx
    expect(await upload(zipOf({ "[Content_Types].xml": "<Types/>", "docProps/app.xml": "<Properties/>" }))).toMatchObject({ ok: false, status: 415, message: expect.stringContaining("word/document.xml") });
    const huge = new Uint8Array(FINAL_COPY_LIMIT_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await upload(huge)).toMatchObject({ ok: false, status: 413 });
    expect(await upload(null)).toMatchObject({ ok: false, status: 422, fieldErrors: { data: "请选择定稿文件（.docx）" } });
    expect(await upload(await wordFile("部门"), department)).toMatchObject({ ok: false, status: 403, message: "只有信用办可以上传通报定稿" });
    expect(await upload(await wordFile("无此通报"), office, 999_999)).toMatchObject({ ok: false, status: 404 });
    expect((await served(id)).file.equals(kept)).toBe(true);

    expect(await write(db, office, voidCircular, { id, reason: "数据有误，重新印发" })).toMatchObject({ ok: true });
    const afterVoid = await upload(await wordFile("作废后"));
    expect(afterVoid).toMatchObject({ ok: false, status: 409, message: expect.stringContaining("已作废") });
    expect((await served(id)).file.equals(kept)).toBe(true);
    expect(await audits("circular.final_copy", id)).toHaveLength(2); // the two uploads above, no refused one
  });
});
