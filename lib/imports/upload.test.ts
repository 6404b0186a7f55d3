import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { receiveUpload, UploadRefusal } from "./upload";

const post = (body: BodyInit, headers: Record<string, string> = {}, url = "http://x/api/v1/imports/sgs-penalty") =>
  new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function refusal(p: Promise<unknown>): Promise<UploadRefusal> {
  try {
    await p;
  } catch (error) {
    if (error instanceof UploadRefusal) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("receiving an uploaded file", () => {
  it("takes the body as the file, named by X-File-Name (URL-encoded) without any folder", async () => {
    const file = await receiveUpload(post("a,b\n1,2", { "x-file-name": encodeURIComponent("C:\\部门\\处罚.csv") }));
    expect([file.fileName, file.bytes, readFileSync(file.path, "utf8")]).toEqual(["处罚.csv", 7, "a,b\n1,2"]);
    await file.discard();
  });

  it("takes the file field of a multipart form, as departments' systems send it", async () => {
    const form = new FormData();
    form.append("file", new Blob(["x,y\n"]), "许可.csv");
    const file = await receiveUpload(post(form));
    expect([file.fileName, file.bytes]).toEqual(["许可.csv", 4]);
    await file.discard();
    const empty = new FormData();
    empty.append("other", "1");
    expect((await refusal(receiveUpload(post(empty)))).message).toBe("表单中没有名为 file 的文件");
  });

  it("refuses a file over the limit by its declared length and while streaming, and an empty one", async () => {
    expect(await refusal(receiveUpload(post("12345", { "content-length": "5" }), 4))).toMatchObject({ status: 413 });
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(100)); c.close(); } });
    const over = await refusal(receiveUpload(post(stream), 500));
    expect(over.status).toBe(413);
    expect(over.message).toContain("请拆分后分批导入");
    expect(await refusal(receiveUpload(post("")))).toMatchObject({ status: 400, message: "上传的文件是空的" });
  });
});

describe("file names", () => {
  it("reads raw UTF-8 sent in a header, and drops bidi overrides and DEL", async () => {
    const raw = Buffer.from("处罚.csv", "utf8").toString("latin1");
    const a = await receiveUpload(post("x", { "x-file-name": raw }));
    expect(a.fileName).toBe("处罚.csv");
    await a.discard();
    const b = await receiveUpload(post("x", { "x-file-name": encodeURIComponent("gpj.\u202Eexe\u007F.csv") }));
    expect(b.fileName).toBe("gpj.exe.csv");
    await b.discard();
  });
});

describe("multipart forms, streamed", () => {
  const boundary = "----b0undary";
  const part = (name: string, fileName: string | null, content: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${fileName ? `; filename="${fileName}"` : ""}\r\n\r\n${content}\r\n`;
  const multipart = (body: BodyInit) => post(body, { "content-type": `multipart/form-data; boundary=${boundary}` });

  it("stops a form without a declared length at the limit, whichever part runs on", async () => {
    const chunks = (first: string) => new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(first));
        for (let i = 0; i < 40; i++) c.enqueue(new Uint8Array(64 * 1024).fill(65));
        c.close();
      },
    });
    // A file over the limit, sent chunked.
    expect(await refusal(receiveUpload(multipart(chunks(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n`)), 1_000)))
      .toMatchObject({ status: 413 });
    // An ignored part that never ends, before the file.
    expect(await refusal(receiveUpload(multipart(chunks(`--${boundary}\r\nContent-Disposition: form-data; name="other"; filename="b.bin"\r\n\r\n`)), 1_000)))
      .toMatchObject({ status: 413 });
  });

  it("takes the file among other fields, and refuses a form without a boundary or without its end", async () => {
    const file = await receiveUpload(multipart(`${part("note", null, "说明")}${part("file", "处罚.csv", "a,b\r\n1,2")}--${boundary}--\r\n`));
    expect([file.fileName, readFileSync(file.path, "utf8")]).toEqual(["处罚.csv", "a,b\r\n1,2"]);
    await file.discard();
    expect(await refusal(receiveUpload(post("x", { "content-type": "multipart/form-data" })))).toMatchObject({ status: 400 });
    expect(await refusal(receiveUpload(multipart(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc`))))
      .toMatchObject({ status: 400 });
  });
});
