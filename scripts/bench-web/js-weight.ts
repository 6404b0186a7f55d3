import { request } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";

export interface JsWeight {
  path: string;
  scripts: number;
  gzipBytes: number;
  /** noModule scripts, not counted above. */
  noModule: { scripts: number; gzipBytes: number };
  rawBytes: number;
  /** How the gzip figure was obtained: "server" (Content-Encoding: gzip as served), "zlib-9" (gzipped here), or both. */
  source: string;
}

/** GET with Accept-Encoding: gzip and the body's bytes exactly as they came over the wire. */
function getRaw(url: string, gzip: boolean, cookie = ""): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...(gzip ? { "accept-encoding": "gzip" } : {}), ...(cookie ? { cookie } : {}) };
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: String(res.headers["content-encoding"] ?? ""), body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout ${url}`)));
    req.on("error", reject);
    req.end();
  });
}

/**
 * Every `<script src>` under /_next/static/ in the served HTML, in order, without repeats. `noModule` scripts
 * (Next's polyfills) are returned apart: browsers that run modules never download them.
 */
export function scriptSources(html: string): { modern: string[]; noModule: string[] } {
  const modern = new Set<string>();
  const noModule = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1]?.replace(/&amp;/g, "&");
    if (!src?.startsWith("/_next/static/")) continue;
    (/\bnomodule\b/i.test(m[1]!) ? noModule : modern).add(src);
  }
  return { modern: [...modern], noModule: [...noModule] };
}

/**
 * The JavaScript a first visit to `path` downloads as `<script src>`: the page is fetched signed in (`cookie`),
 * each file is fetched with Accept-Encoding: gzip and its body counted as served (no headers); a file the server
 * sent uncompressed (next start skips small ones) is gzipped here at level 9.
 */
export async function jsWeight(base: string, path: string, cookie: string): Promise<JsWeight> {
  const page = await getRaw(base + path, false, cookie);
  if (page.status !== 200) throw new Error(`${path} → HTTP ${page.status}`);
  const { modern, noModule } = scriptSources(page.body.toString("utf8"));
  const how = new Set<string>();
  const sum = async (sources: string[]) => {
    let gzip = 0;
    let raw = 0;
    for (const src of sources) {
      const res = await getRaw(base + src, true);
      if (res.status !== 200) throw new Error(`${src} → HTTP ${res.status}`);
      const served = res.encoding === "gzip";
      how.add(served ? "server" : "zlib-9");
      gzip += served ? res.body.length : gzipSync(res.body, { level: 9 }).length;
      raw += served ? gunzipSync(res.body).length : res.body.length;
    }
    return { gzip, raw };
  };
  const main = await sum(modern);
  const source = [...how].join("+") || "none";
  const legacy = await sum(noModule);
  return { path, scripts: modern.length, gzipBytes: main.gzip, rawBytes: main.raw, source,
    noModule: { scripts: noModule.length, gzipBytes: legacy.gzip } };
}
