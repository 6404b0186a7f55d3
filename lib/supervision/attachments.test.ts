import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog, departments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { write } from "@/lib/write";
import { loadCatalogue, makeCity, type TestCity } from "@/tests/support/factories";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { openSupervisionItem, submitFeedback } from "./actions";
import { ATTACHMENT_LIMIT_BYTES, attachFile, attachmentType, cleanAttachmentName, listAttachments, readAttachment, removeAttachment } from "./attachments";
import { OFFICE_VIEWER } from "@/tests/support/viewers";

const PDF = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("what an attachment is", () => {
  it("is read from its first bytes, not its name", () => {
    expect(attachmentType(PDF)).toBe("application/pdf");
    expect(attachmentType(PNG)).toBe("image/png");
    expect(attachmentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(attachmentType(new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).toBe("image/webp");
    expect(attachmentType(new TextEncoder().encode("<html><script>alert(1)</script>"))).toBeNull();
    expect(attachmentType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull(); // a zip or an Office file
    expect(attachmentType(new Uint8Array())).toBeNull();
  });

  it("keeps a name without its path or hidden characters", () => {
    expect(cleanAttachmentName("C:\\Users\\张三\\整改报告.pdf")).toBe("整改报告.pdf");
    expect(cleanAttachmentName("../../etc/passwd")).toBe("passwd");
    expect(cleanAttachmentName("报告\u202Efdp.exe")).toBe("报告fdp.exe");
    expect(cleanAttachmentName("   ")).toBe("附件");
    expect(cleanAttachmentName("长".repeat(500))).toHaveLength(120);
  });
});

describe("attaching files to a 整改反馈", () => {
  let t: TestDb;
  let city: TestCity;
  let itemId: number;
  let other: number;
  const office: Viewer = OFFICE_VIEWER;
  const dept = (departmentId: number): Viewer => ({ ...office, userId: 2, username: "dept", role: "department", departmentId });

  beforeEach(async () => {
    t = await createTestDb();
    city = await makeCity(t.db, ["城关区"]);
    await loadCatalogue(t.db, "2026-10");
    [{ id: other }] = await t.db.insert(departments).values({ code: "other", name: "另一局", shortName: "另一局" }).returning({ id: departments.id }) as [{ id: number }];
    const opened = await write(t.db, office, openSupervisionItem, {
      indicatorCode: "uscc_error_rate", orgUnitId: city.districts[0]!.id, month: "2026-10", departmentIds: [city.departmentId], deadline: "2099-12-31",
      columns: [], records: [], value: 9, target: 1,
    });
    if (!opened.ok) throw new Error(opened.message);
    itemId = opened.value.id;
  });
  afterEach(() => t.cleanup());

  it("keeps a party's PDF with the item, refuses what is not a PDF or image, too large, or not its item's", async () => {
    const mine = dept(city.departmentId);
    const attached = await write(t.db, mine, attachFile, { itemId, fileName: "D:\\整改\\报告.pdf", data: PDF });
    expect(attached).toMatchObject({ ok: true });
    const [listed] = await listAttachments(t.db, itemId);
    expect(listed).toMatchObject({ fileName: "报告.pdf", contentType: "application/pdf", bytes: PDF.length, uploadedBy: "dept" });
    expect(new Uint8Array((await readAttachment(t.db, itemId, listed!.id))!.data)).toEqual(PDF);
    expect(await readAttachment(t.db, itemId + 1, listed!.id)).toBeNull();

    expect(await write(t.db, mine, attachFile, { itemId, fileName: "a.pdf", data: new TextEncoder().encode("<html>") })).toMatchObject({ ok: false, status: 422, message: "只能上传 PDF 或图片（PNG、JPEG、GIF、WebP）" });
    const huge = new Uint8Array(ATTACHMENT_LIMIT_BYTES + 1);
    huge.set(PDF);
    expect(await write(t.db, mine, attachFile, { itemId, fileName: "big.pdf", data: huge })).toMatchObject({ ok: false, status: 413 });
    expect(await write(t.db, mine, attachFile, { itemId, fileName: "", data: null })).toMatchObject({ ok: false, status: 422, fieldErrors: { data: "请选择要上传的文件" } });
    expect(await write(t.db, dept(other), attachFile, { itemId, fileName: "x.png", data: PNG })).toMatchObject({ ok: false, status: 404 });
    expect(await write(t.db, office, attachFile, { itemId, fileName: "x.png", data: PNG })).toMatchObject({ ok: false, status: 403 });
    expect(await listAttachments(t.db, itemId)).toHaveLength(1);

    // Once the feedback is submitted its attachments stand as they were.
    expect(await write(t.db, mine, submitFeedback, { itemId, feedback: "已整改，见附件" })).toMatchObject({ ok: true });
    expect(await write(t.db, mine, attachFile, { itemId, fileName: "late.png", data: PNG })).toMatchObject({ ok: false, status: 409 });
    expect(await write(t.db, mine, removeAttachment, { itemId, attachmentId: listed!.id })).toMatchObject({ ok: false, status: 409 });
    const audit = await t.db.select({ action: auditLog.action }).from(auditLog);
    expect(audit.map((a) => a.action)).toContain("supervision.attach");
  });

  it("lets a party remove its attachment while it works on the item", async () => {
    const mine = dept(city.departmentId);
    const attached = await write(t.db, mine, attachFile, { itemId, fileName: "照片.png", data: PNG });
    if (!attached.ok) throw new Error(attached.message);
    expect(await write(t.db, dept(other), removeAttachment, { itemId, attachmentId: attached.value.id })).toMatchObject({ ok: false, status: 404 });
    expect(await write(t.db, mine, removeAttachment, { itemId, attachmentId: attached.value.id })).toMatchObject({ ok: true });
    expect(await listAttachments(t.db, itemId)).toEqual([]);
  });
});
