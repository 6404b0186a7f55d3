import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";

/** The largest file a page or an API call may send (the command line reads files of any size). */
export const UPLOAD_LIMIT_BYTES = Number(process.env.IMPORT_UPLOAD_LIMIT_MB ?? 200) * 1024 * 1024;

export class UploadRefusal extends Error {
  constructor(readonly status: 400 | 411 | 413 | 415, message: string) {
    super(message);
  }
}

export interface ReceivedFile { path: string; fileName: string; bytes: number; discard(): Promise<void> }

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** A file name as sent (header, query or form), without any folder part; never empty. */
function cleanName(raw: string | null | undefined): string {
  let name = raw ?? "";
  // Headers arrive as latin1: a name sent as raw UTF-8 instead of %-encoded is read back as UTF-8.
  if (/[\u0080-\u00ff]/.test(name) && !/[^\u0000-\u00ff]/.test(name)) {
    const utf8 = Buffer.from(name, "latin1").toString("utf8");
    if (!utf8.includes("\ufffd")) name = utf8;
  }
  try {
    name = decodeURIComponent(name);
  } catch {
    // kept as sent
  }
  // No folders, control characters or bidi overrides (a name must not display reversed in the history).
  name = name.replace(/^.*[\\/]/, "").replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(0, 255);
  return name || "上传的文件";
}

/**
 * Streams a request's file to a temporary file, never holding it in memory and stopping at the limit.
 * The body is the file itself (its name in `X-File-Name` or `?fileName=`), or a multipart form with a
 * `file` field, as departments' systems commonly send.
 */
export async function receiveUpload(request: Request, limit = UPLOAD_LIMIT_BYTES): Promise<ReceivedFile> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new UploadRefusal(413, `文件超过 ${mb(limit)}，请拆分后分批导入`);
  if (!request.body) throw new UploadRefusal(400, "请求中没有文件内容");
  const type = request.headers.get("content-type") ?? "";
  const dir = await mkdtemp(join(tmpdir(), "credit-import-"));
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    let source: ReadableStream<Uint8Array>;
    let fileName: string;
    if (type.startsWith("multipart/form-data")) {
      const form = await request.formData().catch(() => null);
      const file = form?.get("file");
      if (!file || typeof file === "string") throw new UploadRefusal(400, "表单中没有名为 file 的文件");
      source = file.stream();
      fileName = cleanName(file.name);
    } else {
      source = request.body;
      fileName = cleanName(request.headers.get("x-file-name") ?? new URL(request.url).searchParams.get("fileName"));
    }
    const path = join(dir, "upload");
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit) done(new UploadRefusal(413, `文件超过 ${mb(limit)}，请拆分后分批导入`));
        else done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(source as never), counter, createWriteStream(path));
    if (bytes === 0) throw new UploadRefusal(400, "上传的文件是空的");
    return { path, fileName, bytes, discard };
  } catch (error) {
    await discard();
    if (error instanceof UploadRefusal) throw error;
    throw new UploadRefusal(400, "文件没有完整收到，请重新上传");
  }
}
