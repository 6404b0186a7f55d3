import { contentDisposition } from "./response";

export const ZIP_CONTENT_TYPE = "application/zip";

/** A zip download (several files in one); the file name may be Chinese. */
export function zipResponse(buffer: Buffer, filename: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": ZIP_CONTENT_TYPE,
      "Content-Disposition": contentDisposition(filename, "zip"),
      "Content-Length": String(buffer.byteLength),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
