/**
 * Minimal PDFs written byte by byte: pages that are a picture (a scan has no text layer) or carry a line of
 * Latin text in a standard font. Enough for pdf.js to open; no producer needed.
 */
export type TinyPage = { image: true } | { text: string };

export function tinyPdf(pages: TinyPage[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  // 1 catalog, 2 pages, 3 font, 4 image; then a page and its content per page.
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const kids = pages.map((_, i) => `${5 + 2 * i} 0 R`).join(" ");
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const pixels = "\u0000\u00ff\u00ff\u0000";
  add(`<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`);
  pages.forEach((page, i) => {
    const content = "image" in page ? "q 400 0 0 600 100 100 cm /Im1 Do Q" : `BT /F1 12 Tf 72 720 Td (${page.text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents ${6 + 2 * i} 0 R >>`);
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1 throughout: one byte a character.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
