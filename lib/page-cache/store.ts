import { deflateRawSync, inflateRawSync } from "node:zlib";
import { LRUCache } from "lru-cache";

/** A kept response: status, headers and body, with the script nonce cut out so each answer gets a fresh one. */
export interface KeptPage {
  status: number;
  /** Header name → value(s), nonce cut out of the values that carry it. */
  headers: [string, string[]][];
  /** The body without its nonces, compressed: a rendered page shrinks about eightfold, so the cache holds that many more. */
  packed: Buffer;
  /** The lengths of the body's pieces; the nonce goes between each two. */
  pieces: number[];
  bytes: number;
}

/** Where the nonce stood in a kept header value. */
const NONCE_MARK = "\u0000nonce\u0000";

/** Headers that describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "x-render-cache"]);

/** Splits a rendered response around its nonce. Without the nonce in it (no script), the body is one piece. */
export function keepPage(status: number, headers: Record<string, string | number | string[] | undefined>, body: Buffer, nonce: string | null): KeptPage {
  const kept: [string, string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || TRANSFER_HEADERS.has(name.toLowerCase())) continue;
    kept.push([name, (Array.isArray(value) ? value : [String(value)]).map((v) => (nonce ? v.split(nonce).join(NONCE_MARK) : v))]);
  }
  const pieces: Buffer[] = [];
  if (nonce) {
    const needle = Buffer.from(nonce);
    let from = 0;
    for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
      pieces.push(body.subarray(from, at));
      from = at + needle.length;
    }
    pieces.push(body.subarray(from));
  } else {
    pieces.push(body);
  }
  // Level 1: a page is kept on its way out, on the event loop; the extra ratio of higher levels is not worth the time.
  const deflated = deflateRawSync(Buffer.concat(pieces), { level: 1 });
  // Copied into a buffer of its own size: zlib's result can be a view of its larger working chunk (16 kB), which a
  // small page would otherwise pin while being counted at its packed size.
  const packed = Buffer.allocUnsafeSlow(deflated.length);
  deflated.copy(packed);
  // The headers and the entry itself: a rough, fixed allowance.
  return { status, headers: kept, packed, pieces: pieces.map((p) => p.length), bytes: packed.length + 512 };
}

/** The response to send for a kept page, with `nonce` where the old one was. */
export function replay(page: KeptPage, nonce: string): { status: number; headers: [string, string[]][]; body: Buffer } {
  const headers = page.headers.map(([name, values]) => [name, values.map((v) => v.split(NONCE_MARK).join(nonce))] as [string, string[]]);
  const whole = inflateRawSync(page.packed);
  const glue = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let offset = 0;
  page.pieces.forEach((length, i) => {
    if (i > 0) parts.push(glue);
    parts.push(whole.subarray(offset, (offset += length)));
  });
  return { status: page.status, headers, body: Buffer.concat(parts) };
}

/**
 * Rendered pages, bounded by bytes and by entries, least recently used evicted first. Entries of older
 * store versions are never asked for again (the version is in the key) and age out the same way.
 */
export function pageStore(maxBytes: number): LRUCache<string, KeptPage> {
  return new LRUCache<string, KeptPage>({
    maxSize: Math.max(1, maxBytes),
    sizeCalculation: (page) => page.bytes,
    // A page larger than an eighth of the cache would push out too many others: render it each time.
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
  });
}
