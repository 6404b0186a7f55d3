import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import busboy from "busboy";

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
    const path = join(dir, "upload");
    let bytes = 0;
    // Counted as it arrives: a declared length may be missing (chunked) or false.
    const counter = () => new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > limit) done(new UploadRefusal(413, `文件超过 ${mb(limit)}，请拆分后分批导入`));
        else done(null, chunk);
      },
    });
    let fileName: string;
    if (type.startsWith("multipart/form-data")) {
      fileName = await receiveFormFile(request.headers, request.body, limit, (file) => pipeline(file, counter(), createWriteStream(path)));
    } else {
      fileName = cleanName(request.headers.get("x-file-name") ?? new URL(request.url).searchParams.get("fileName"));
      await pipeline(Readable.fromWeb(request.body as never), counter(), createWriteStream(path));
    }
    if (bytes === 0) throw new UploadRefusal(400, "上传的文件是空的");
    return { path, fileName, bytes, discard };
  } catch (error) {
    await discard();
    if (error instanceof UploadRefusal) throw error;
    throw new UploadRefusal(400, "文件没有完整收到，请重新上传");
  }
}

/**
 * A multipart form's `file` field, streamed to `store` as it arrives (the form is never held in memory); other
 * fields are skipped. Resolves with the file's name once the whole form has been read.
 */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

function receiveFormFile(headers: Headers, body: ReadableStream<Uint8Array>, limit: number,
  store: (file: Readable) => Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({ headers: Object.fromEntries(headers), limits: { files: 1, fields: 20, fieldSize: 64 * 1024, fileSize: limit + 1, parts: 40 } });
    } catch {
      return reject(new UploadRefusal(400, "表单格式不正确（缺少 boundary），请以 multipart/form-data 上传，文件放在名为 file 的字段中"));
    }
    let stored: Promise<void> | null = null;
    let fileName = "";
    const input = Readable.fromWeb(body as never);
    // The whole form is counted too: parts other than the file are skipped, not allowed to run on without end.
    let formBytes = 0;
    input.on("data", (chunk: Buffer) => {
      formBytes += chunk.length;
      if (formBytes > limit + FORM_OVERHEAD_BYTES) fail(new UploadRefusal(413, `文件超过 ${mb(limit)}，请拆分后分批导入`));
    });
    const fail = (error: unknown) => {
      input.unpipe(parser);
      input.destroy();
      reject(error instanceof UploadRefusal ? error : new UploadRefusal(400, "表单没有完整收到或格式不正确，请重新上传"));
    };
    parser.on("file", (field, file, info) => {
      if (field !== "file" || stored) return void file.resume();
      fileName = cleanName(info.filename);
      stored = store(file);
      stored.catch(fail);
    });
    parser.on("error", fail);
    parser.on("close", () => {
      if (!stored) return fail(new UploadRefusal(400, "表单中没有名为 file 的文件"));
      stored.then(() => resolve(fileName), fail);
    });
    input.on("error", fail);
    input.pipe(parser);
  });
}
