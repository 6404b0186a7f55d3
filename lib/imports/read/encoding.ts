import { isAscii, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { ReadRefusal } from "./refusal";

export type TextEncodingName = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** Where an unfinished UTF-8 sequence at the end of `b` starts (b.length when the end is complete). */
export function incompleteTailStart(b: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const byte = b[b.length - back]!;
    if (byte < 0x80) return b.length; // ASCII: the end is complete
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? b.length - back : b.length;
    }
  }
  return b.length;
}

/**
 * Encoding of a CSV sample: a BOM decides; otherwise valid UTF-8 (pure ASCII included) is UTF-8 and anything else
 * is taken as GB18030, the superset of GBK/GB2312 that Chinese Excel writes for "CSV（逗号分隔）".
 */
export function detectEncoding(sample: Uint8Array): TextEncodingName {
  const [a, b, c] = sample;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  // The sample may end inside a character; only an unfinished last sequence is dropped, never an invalid one.
  const body = sample.subarray(0, incompleteTailStart(sample));
  return isUtf8(body) ? "utf-8" : "gb18030";
}

const MIXED =
  "文件中混有不同编码的文字（前面是 UTF-8，后面不是），无法正确读取。请用 Excel 或记事本打开后另存为 CSV（UTF-8）再上传";

/**
 * The file's text as UTF-8 bytes without BOM. A UTF-8 guess made from an all-ASCII sample is revised to GB18030
 * if later bytes are not UTF-8 (ASCII reads the same in both); a file that really mixes encodings is refused.
 */
export async function* toUtf8(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
  onRevised: (encoding: TextEncodingName) => void = () => {},
): AsyncGenerator<Buffer> {
  if (encoding !== "utf-8") {
    yield* decodeWith(chunks, encoding);
    return;
  }
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    yield* utf8Checked(iterator, onRevised);
  } finally {
    await iterator.return?.(); // closes the file when the reader stops early
  }
}

async function* utf8Checked(
  iterator: AsyncIterator<Uint8Array>,
  onRevised: (encoding: TextEncodingName) => void,
): AsyncGenerator<Buffer> {
  let first = true;
  let sawNonAscii = false;
  let pending: Buffer = Buffer.alloc(0);
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    let buf = pending.length > 0 ? Buffer.concat([pending, next.value]) : asBuffer(next.value);
    if (first) {
      if (buf.length < 3) {
        pending = Buffer.from(buf); // too short to tell whether a BOM starts here
        continue;
      }
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    const cut = incompleteTailStart(buf);
    const body = buf.subarray(0, cut);
    pending = Buffer.from(buf.subarray(cut));
    if (isUtf8(body)) {
      if (!sawNonAscii && !isAscii(body)) sawNonAscii = true;
      if (body.length > 0) yield body;
      continue;
    }
    if (sawNonAscii) throw new ReadRefusal(MIXED);
    onRevised("gb18030");
    const rest = (async function* () {
      yield buf;
      for (let more = await iterator.next(); !more.done; more = await iterator.next()) yield more.value;
    })();
    yield* decodeWith(rest, "gb18030");
    return;
  }
  if (first && pending[0] === 0xef && pending[1] === 0xbb && pending[2] === 0xbf) pending = pending.subarray(3);
  if (pending.length > 0) {
    if (isUtf8(pending)) yield pending; // a file of under 3 bytes
    // A UTF-8 file cut inside its last character: keep the rest, mark the broken character with U+FFFD.
    else if (sawNonAscii) yield Buffer.from(pending.toString("utf8"));
    else {
      onRevised("gb18030");
      yield Buffer.from(iconv.decode(pending, "gb18030"));
    }
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

async function* decodeWith(chunks: AsyncIterable<Uint8Array>, encoding: TextEncodingName): AsyncGenerator<Buffer> {
  const decoder = iconv.getDecoder(encoding); // strips a leading BOM by default
  // iconv-lite 0.7's GB18030 decoder loses characters when a 4-byte sequence spans a write of under 4 bytes
  // (only the last write may be that short here).
  let small: Buffer[] = [];
  let smallBytes = 0;
  let held = "";
  for await (const chunk of chunks) {
    let buf = asBuffer(chunk);
    if (smallBytes > 0 || buf.length < 8) {
      small.push(buf);
      smallBytes += buf.length;
      if (smallBytes < 8) continue;
      buf = Buffer.concat(small);
      [small, smallBytes] = [[], 0];
    }
    const text = held + decoder.write(buf);
    // A piece may end between the two halves of a surrogate pair; encoding half a pair would give U+FFFD.
    const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
    held = text.slice(text.length - keep);
    if (text.length > keep) yield Buffer.from(text.slice(0, text.length - keep), "utf8");
  }
  const tail = held + (smallBytes > 0 ? decoder.write(Buffer.concat(small)) : "") + (decoder.end() ?? "");
  if (tail) yield Buffer.from(tail, "utf8");
}
