/**
 * A small pull tokenizer for the XML inside Office files (machine-written, namespaced, no DTDs). It yields
 * start tags with their attributes, end tags and decoded text; comments, processing instructions and
 * CDATA markers are skipped (CDATA content is passed as text).
 */
export type XmlToken =
  | { type: "open"; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: "close"; name: string }
  | { type: "text"; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function* tokenize(xml: string): Generator<XmlToken> {
  let at = 0;
  const n = xml.length;
  while (at < n) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) {
      yield { type: "text", text: decodeEntities(xml.slice(at)) };
      return;
    }
    if (lt > at) yield { type: "text", text: decodeEntities(xml.slice(at, lt)) };
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      yield { type: "text", text: xml.slice(lt + 9, end < 0 ? n : end) };
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      const end = xml.indexOf(">", lt);
      at = end < 0 ? n : end + 1;
      continue;
    }
    // Attribute values may hold ">" only escaped in machine-written XML; find the tag's end outside quotes.
    let end = lt + 1;
    let quote: string | null = null;
    for (; end < n; end++) {
      const ch = xml[end];
      if (quote) {
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === ">") break;
    }
    const inner = xml.slice(lt + 1, end);
    at = end + 1;
    if (inner[0] === "/") {
      yield { type: "close", name: inner.slice(1).trim() };
      continue;
    }
    const selfClosing = inner.endsWith("/");
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const space = body.search(/\s/);
    const name = space < 0 ? body : body.slice(0, space);
    const attrs: Record<string, string> = {};
    if (space >= 0) {
      for (const m of body.slice(space).matchAll(ATTR)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? "");
    }
    yield { type: "open", name, attrs, selfClosing };
  }
}
