import { closeSync, createReadStream, openSync, readSync } from "node:fs";

export type TableSource = { path: string } | { bytes: Uint8Array };

/** First `max` bytes, read synchronously so `readTable` can refuse or classify a file before iteration starts. */
export function readHead(source: TableSource, max: number): Uint8Array {
  if ("bytes" in source) return source.bytes.subarray(0, max);
  const fd = openSync(source.path, "r");
  try {
    const buf = Buffer.allocUnsafe(max);
    let filled = 0;
    while (filled < max) {
      const n = readSync(fd, buf, filled, max - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return buf.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 16;

/** The file as a stream of byte chunks; a path is streamed from disk, never read whole. */
export async function* sourceChunks(source: TableSource): AsyncGenerator<Buffer> {
  if ("bytes" in source) {
    const b = source.bytes;
    for (let i = 0; i < b.length; i += CHUNK) {
      yield Buffer.from(b.buffer, b.byteOffset + i, Math.min(CHUNK, b.length - i));
    }
    return;
  }
  for await (const chunk of createReadStream(source.path, { highWaterMark: CHUNK })) yield chunk as Buffer;
}
