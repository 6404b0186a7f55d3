import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliDecompressSync, gunzipSync, gzip, inflateSync } from "node:zlib";
import type { Viewer } from "@/lib/auth/viewer";
import { mayKeep, mayServeFromCache, pageKey, type RequestFacts } from "./policy";
import { keepPage, pageStore, replay, type KeptPage } from "./store";

const gzipAsync = promisify(gzip);

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface PageCacheOptions {
  /** Who is asking, from the session cookie exactly as the pages learn it; null lets the app answer. */
  viewerOf(req: IncomingMessage): Promise<Viewer | null>;
  storeVersion(): Promise<string>;
  today(): string;
  newNonce(): string;
  maxBytes: number;
}

/**
 * A page with a form's one-time submission key is never kept: served again, two submissions would carry the
 * same key and the second would be taken for a repeat of the first.
 */
export function holdsOneTimeKey(body: Buffer): boolean {
  return body.includes("submissionKey");
}

/** The nonce Next.js put into a page's scripts: the one its Content-Security-Policy names. */
export function nonceOf(headers: Record<string, unknown>): string | null {
  return /'nonce-([^']+)'/.exec(String(headers["content-security-policy"] ?? ""))?.[1] ?? null;
}

/**
 * Wraps the app's request handler with a cache of rendered pages per signed-in person (lib/page-cache/policy.ts
 * says what is kept and under which key; decision 005 why). A miss is rendered by the app as always and
 * kept on the way out; a hit is the kept page with a fresh nonce. Everything else passes straight through.
 */
export function withPageCache(handle: Handler, options: PageCacheOptions): Handler & { store: ReturnType<typeof pageStore> } {
  const store = pageStore(options.maxBytes);
  // Pages are kept packed (about an eighth of their size) and the store refuses one over an eighth of it packed;
  // the plain page copied on its way out may be up to half the cache.
  const limit = Math.floor(options.maxBytes / 2);
  const wrapped = async (req: IncomingMessage, res: ServerResponse) => {
    const facts: RequestFacts = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
    if (options.maxBytes <= 0 || !mayServeFromCache(facts)) return handle(req, res);
    let viewer: Viewer | null = null;
    try {
      viewer = await options.viewerOf(req);
    } catch {
      viewer = null; // the app answers, and reports the store's trouble itself
    }
    if (!viewer) return handle(req, res);
    const key = pageKey(viewer, facts, await options.storeVersion(), options.today());
    const kept = store.get(key);
    if (kept) return sendKept(req, res, kept, options.newNonce());
    capture(res, limit, (status, headers, body) => {
      if (!mayKeep(status, headers)) return;
      const plain = decoded(body, String(headers["content-encoding"] ?? ""));
      if (plain && plain.length <= limit && !holdsOneTimeKey(plain)) store.set(key, keepPage(status, headers, plain, nonceOf(headers)));
    });
    res.setHeader("x-render-cache", "miss");
    return handle(req, res);
  };
  return Object.assign(wrapped, { store });
}

async function sendKept(req: IncomingMessage, res: ServerResponse, kept: KeptPage, nonce: string): Promise<void> {
  const page = replay(kept, nonce);
  for (const [name, values] of page.headers) res.setHeader(name, values.length === 1 ? values[0]! : values);
  let body = page.body;
  if (body.length > 1024 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    // In the thread pool, so the event loop goes on serving while a large page compresses.
    body = await gzipAsync(body, { level: 4 });
    res.setHeader("content-encoding", "gzip");
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  }
  res.setHeader("content-length", body.length);
  res.setHeader("x-render-cache", "hit");
  res.statusCode = page.status;
  res.end(body);
}

/** Lets the response through unchanged while copying its bytes; `done` hears them when it has ended, unless they passed `limit`. */
function capture(res: ServerResponse, limit: number, done: (status: number, headers: Record<string, string | number | string[] | undefined>, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (overflow || chunk == null || typeof chunk === "function") return;
    const buf = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    // Compressed bytes grow about tenfold when decoded; stop copying well before a page is too large to keep.
    if (size > limit) {
      overflow = true;
      chunks.length = 0;
    } else {
      chunks.push(buf);
    }
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
  res.once("finish", () => {
    if (!overflow) done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
  });
}

/** The body as rendered, from what was sent; null for an encoding not known here. */
function decoded(body: Buffer, encoding: string): Buffer | null {
  try {
    switch (encoding.trim().toLowerCase()) {
      case "": case "identity": return body;
      case "gzip": return gunzipSync(body);
      case "br": return brotliDecompressSync(body);
      case "deflate": return inflateSync(body);
      default: return null;
    }
  } catch {
    return null;
  }
}
