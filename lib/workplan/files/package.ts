/**
 * Office Open XML packages (.docx, .xlsx) as zips: parts unpacked with a size bound, relationships read by
 * type, part paths resolved. Shared by docx.ts and xlsx.ts.
 */
import { unzipSync } from "fflate";
import { tokenize } from "./xml";

/** A file that cannot be read; the message (Chinese) says what to do. */
export class FileReadError extends Error {}

/** A part larger than this once unpacked is not a work plan (and may be a zip bomb). */
const MAX_PART_BYTES = 64 * 1024 * 1024;

export const utf8 = new TextDecoder("utf-8");

/** The wanted parts of a package; `broken` and `tooLarge` are the messages for a bad zip and an oversized part. */
export function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean, messages: { broken: string; tooLarge: string }): Record<string, Uint8Array> {
  let tooLarge = false;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    throw new FileReadError(messages.broken);
  }
  if (tooLarge) throw new FileReadError(messages.tooLarge);
  return files;
}

/** Targets of a .rels part by relationship type (the type's last path segment: officeDocument, numbering, styles). */
export function relationships(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  for (const t of tokenize(xml)) {
    if (t.type !== "open" || !/(^|:)Relationship$/.test(t.name)) continue;
    const type = t.attrs.Type?.split("/").at(-1);
    if (type && t.attrs.Target && t.attrs.TargetMode !== "External" && !out.has(type)) out.set(type, t.attrs.Target);
  }
  return out;
}

/** Targets of a .rels part by relationship id (a workbook names its sheets by id). */
export function relationshipsById(xml: string | undefined): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const t of tokenize(xml)) {
    if (t.type !== "open" || !/(^|:)Relationship$/.test(t.name)) continue;
    if (t.attrs.Id && t.attrs.Target && t.attrs.TargetMode !== "External") out.set(t.attrs.Id, { type: t.attrs.Type?.split("/").at(-1) ?? "", target: t.attrs.Target });
  }
  return out;
}

export function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The .rels part that belongs to a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export const relsPathOf = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
