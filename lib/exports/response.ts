export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download response for a route handler; the file name may be Chinese. */
export function xlsxResponse(buffer: Buffer, filename: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": contentDisposition(filename),
      "Content-Length": String(buffer.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * RFC 6266: `filename*` carries the real UTF-8 name for current browsers; the plain `filename`
 * is an ASCII stand-in for clients that ignore `filename*`, since raw non-ASCII in a header is not portable.
 */
export function contentDisposition(filename: string, extension = filename.match(/\.(xlsx|docx|csv|zip)$/i)?.[1]?.toLowerCase() ?? "xlsx"): string {
  const base = filename
    // Control characters, characters Windows forbids in file names, and lone surrogates (encodeURIComponent throws on them).
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]|\p{Cs}/gu, "_")
    .replace(/\.(xlsx|docx|csv|zip)$/i, "")
    .trim();
  const name = `${base || "export"}.${extension}`;
  const ascii = base.replace(/[^A-Za-z0-9.-]+/g, "_").replace(/^[_.]+|_+$/g, "") || "export";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}
