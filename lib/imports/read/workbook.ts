/** The few workbook facts exceljs's streaming reader does not give reliably, read from the package's small parts. */
import { builtinFormatKind, formatKind, type FormatKind } from "./values";

export interface SheetInfo {
  name: string;
  /** Part name inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  hidden: boolean;
}

export interface Relationship {
  type: string;
  path: string;
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
export const xmlText = (s: string) =>
  s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );

/** Attributes of each `<name …>` element, keyed by local name (`r:id` → `id`). Namespace prefixes are ignored. */
export function elements(xml: string, name: string): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, "g");
  for (const match of xml.matchAll(tag)) {
    const attributes = new Map<string, string>();
    for (const a of match[1]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(a[1]!.replace(/^.*:/, ""), xmlText(a[2] ?? a[3] ?? ""));
    }
    found.push(attributes);
  }
  return found;
}

/** Resolves a relationship target against the folder of the part that owns the relationships. */
export function resolvePart(ownerPart: string, target: string): string {
  const parts = target.startsWith("/") ? [] : ownerPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** `_rels/.rels` or `xl/_rels/workbook.xml.rels`, by relationship id. */
export function parseRelationships(xml: string, ownerPart: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  for (const a of elements(xml, "Relationship")) {
    const id = a.get("Id");
    const target = a.get("Target");
    if (!id || !target || a.get("TargetMode") === "External") continue;
    rels.set(id, { type: a.get("Type") ?? "", path: resolvePart(ownerPart, target) });
  }
  return rels;
}

export const relationshipOfType = (rels: Map<string, Relationship>, type: string) =>
  [...rels.values()].find((r) => r.type.endsWith(`/${type}`));

/** Worksheets in tab order (chart sheets and dialog sheets are not tables and are left out). */
export function parseWorkbook(
  xml: string,
  rels: Map<string, Relationship>,
): { sheets: SheetInfo[]; date1904: boolean; prefixed: boolean } {
  const sheets: SheetInfo[] = [];
  for (const a of elements(xml, "sheet")) {
    const rel = rels.get(a.get("id") ?? "");
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const state = a.get("state");
    sheets.push({ name: a.get("name") ?? "", path: rel.path, hidden: state === "hidden" || state === "veryHidden" });
  }
  const pr = elements(xml, "workbookPr")[0];
  const date1904 = pr?.get("date1904") === "1" || pr?.get("date1904") === "true";
  // exceljs matches element names literally, so `<x:row>`-style parts (some .NET writers) would read as empty.
  const prefixed = /<[\w.-]+:workbook[\s>]/.test(xml);
  return { sheets, date1904, prefixed };
}

/** Date, time or percent kind per cell style index (`s="…"` on a cell), from styles.xml's cellXfs and custom number formats. */
export function parseDateStyles(xml: string): (FormatKind | undefined)[] {
  const custom = new Map<number, string>();
  for (const a of elements(xml, "numFmt")) custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml)?.[1] ?? "";
  return elements(cellXfs, "xf").map((a) => {
    const id = Number(a.get("numFmtId") ?? 0);
    const code = custom.get(id);
    return code !== undefined ? formatKind(code) : builtinFormatKind(id);
  });
}
