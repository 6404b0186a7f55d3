import { contentDisposition } from "./response";

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function docxResponse(buffer: Buffer, filename: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: { "Content-Type": DOCX_CONTENT_TYPE, "Content-Disposition": contentDisposition(filename), "Cache-Control": "no-store" },
  });
}
