import { Document, Packer, Paragraph, Table } from "docx";
import type { CircularBlock, CircularDocument } from "./document";
import { sectionProperties } from "./docx/page";
import { stylesXml } from "./docx/styles";
import { attachmentNote, attachmentPages, chartParagraphs, colophon } from "./docx/back-matter";
import { tableBlock } from "./docx/table";
import {
  addressees,
  blankLine,
  bodyParagraph,
  documentNumberLine,
  draftMark,
  issuerMark,
  signature,
  title,
} from "./docx/text";

/**
 * Renders the circular as a Word file laid out as GB/T 9704-2012 lays out an official document: A4, 22 lines of
 * 28 characters in 3号 仿宋, the red 版头, title, 主送机关, body with its charts, 附件说明, signature and date, the 附件
 * each on a new page, the 版记, and "— n —" page numbers.
 */
export async function renderCircularDocx(doc: CircularDocument): Promise<Buffer> {
  const document = new Document({
    title: doc.title,
    creator: "信用监测",
    description: [doc.documentNumber, doc.title, doc.draft ? "征求意见稿" : ""].filter(Boolean).join(" "),
    evenAndOddHeaderAndFooters: true,
    sections: [{ ...sectionProperties(), children: body(doc) }],
  });
  return Packer.toBuffer(document, false, [{ path: "word/styles.xml", data: stylesXml() }]);
}

function body(doc: CircularDocument): (Paragraph | Table)[] {
  return [
    issuerMark(doc.issuer),
    documentNumberLine(doc.documentNumber),
    title(doc.title),
    ...(doc.draft ? [draftMark()] : []),
    blankLine(), // 7.3.2: 主送机关 one line under the title
    addressees(doc.addressees),
    // The last paragraph of the body stays on the 落款's page: a page with the signature alone is not allowed (7.3.5).
    ...doc.blocks.slice(0, -1).flatMap(block),
    ...lastBlock(doc.blocks.at(-1)),
    ...attachmentNote(doc.attachments),
    ...signature(doc.issuer, doc.issuedOn),
    ...attachmentPages(doc.attachments, block),
    ...colophon(doc.colophon),
  ];
}

function lastBlock(b: CircularBlock | undefined): (Paragraph | Table)[] {
  if (!b) return [];
  return b.kind === "paragraph" ? [bodyParagraph(b.text, "body", true)] : block(b);
}

function block(b: CircularBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading1":
    case "heading2":
      return [bodyParagraph(b.text, b.kind)];
    case "paragraph":
      return [bodyParagraph(b.text)];
    case "table":
      return tableBlock(b);
    case "chart":
      return chartParagraphs(b);
  }
}
