import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { CORRUPT_XLSX, ReadRefusal } from "./refusal";
import type { TableSource } from "./source";

const MB = 1 << 20;
const BOMB_RATIO = 1000;
const BOMB_MIN_BYTES = 100 * MB;
const MAX_ENTRIES = 100_000;

export interface ZipIndex {
  zip: yauzl.ZipFile;
  /** By lower-cased name: some writers' part names differ in case from what their relationships say. */
  entries: Map<string, yauzl.Entry>;
}

const sizeText = (bytes: number) =>
  bytes >= 1 << 30
    ? `${Math.round((bytes / (1 << 30)) * 10) / 10} GB`
    : bytes >= MB
      ? `${Math.round(bytes / MB)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Opens the package and checks its central directory before anything is inflated: corrupt archives, zip bombs and
 * oversized workbooks are refused here. yauzl then enforces the declared sizes while inflating, so they bound memory.
 */
export async function openZip(source: TableSource, maxUncompressedBytes: number): Promise<ZipIndex> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true };
  let zip: yauzl.ZipFile;
  try {
    if ("path" in source) zip = await yauzl.openPromise(source.path, options);
    else {
      const { buffer, byteOffset, length } = source.bytes;
      zip = await yauzl.fromBufferPromise(Buffer.from(buffer, byteOffset, length), options);
    }
  } catch (error) {
    throw new ReadRefusal(CORRUPT_XLSX, { cause: error });
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= MAX_ENTRIES) throw new ReadRefusal(CORRUPT_XLSX);
      const size = entry.uncompressedSize;
      total += size;
      if (size > BOMB_MIN_BYTES && size / Math.max(1, entry.compressedSize) > BOMB_RATIO) {
        throw new ReadRefusal("Excel 文件内容异常（解压后体积是压缩时的上千倍），为安全起见不予读取。请用 Excel 打开后另存为新的 .xlsx 再上传");
      }
      if (total > maxUncompressedBytes) {
        throw new ReadRefusal(`Excel 文件解压后超过 ${sizeText(maxUncompressedBytes)}，无法读取。请拆分成几个较小的文件，或另存为 CSV（UTF-8）后分批导入`);
      }
      if (entry.isEncrypted()) {
        throw new ReadRefusal("这个 Excel 文件已加密，无法读取。请在 Excel 中取消密码后另存为 .xlsx 再上传");
      }
      entries.set(entry.fileName.toLowerCase(), entry);
    }
    return { zip, entries };
  } catch (error) {
    zip.close();
    throw error instanceof ReadRefusal ? error : new ReadRefusal(CORRUPT_XLSX, { cause: error });
  }
}

export async function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw new ReadRefusal(CORRUPT_XLSX, { cause: error });
  }
}

/** A small part (workbook, relationships, styles) read whole; a part above `max` bytes is refused as abnormal. */
export async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, max = 64 * MB): Promise<string> {
  if (entry.uncompressedSize > max) throw new ReadRefusal(CORRUPT_XLSX);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await entryStream(zip, entry)) chunks.push(chunk as Buffer);
  } catch (error) {
    throw error instanceof ReadRefusal ? error : new ReadRefusal(CORRUPT_XLSX, { cause: error });
  }
  return Buffer.concat(chunks).toString("utf8");
}

export interface RepackPart {
  name: string;
  entry?: yauzl.Entry;
  text?: string;
  /** Rewrites the entry's bytes; its size is then given after the data (data descriptor). */
  transform?: (data: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;
}

/**
 * A minimal stored (uncompressed) zip of just the given parts, in the given order, for exceljs's sequential reader.
 * The order matters: exceljs parses a sheet straight from the stream only when the shared strings came first,
 * otherwise it copies the sheet to a temporary file; Excel itself writes sharedStrings.xml after the sheets.
 */
export async function* repack(zip: yauzl.ZipFile, parts: RepackPart[]): AsyncGenerator<Buffer> {
  for (const part of parts) {
    if (part.entry && part.transform) {
      yield localHeader(part.name, 0, 0, true);
      let size = 0;
      for await (const chunk of part.transform(await entryStream(zip, part.entry))) {
        size += chunk.length;
        yield chunk;
      }
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
      yield descriptor;
    } else if (part.entry) {
      yield localHeader(part.name, part.entry.uncompressedSize, part.entry.crc32);
      for await (const chunk of await entryStream(zip, part.entry)) yield chunk as Buffer;
    } else {
      const data = Buffer.from(part.text ?? "", "utf8");
      yield localHeader(part.name, data.length, 0);
      yield data;
    }
  }
  // End-of-central-directory record (no directory): tells the sequential reader the archive is over.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

// A stored entry's data cannot contain the descriptor signature PK\x07\x08 here: 0x07 is not allowed in XML text.
function localHeader(name: string, size: number, crc: number, sizeAfterData = false): Buffer {
  if (size > 0xffffffff) throw new ReadRefusal("Excel 工作表过大，无法读取。请拆分成几个较小的文件后分批导入");
  const nameBytes = Buffer.from(name, "utf8");
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed
  header.writeUInt16LE(sizeAfterData ? 0x0808 : 0x0800, 6); // UTF-8 names (+ data descriptor)
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(crc >>> 0, 14); // unzipper does not check it; kept honest where known
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(header, 30);
  return header;
}
