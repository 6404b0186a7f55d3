import { BODY_SIZE, CHAR_PITCH, LINE_PITCH } from "./page";

/**
 * Tracking in twips that makes a 3号 character advance one pitch or less: 16 pt − 0.25 pt, so 28 fit a line
 * of 156 mm and 29 do not (5.2.3).
 */
export const KERN = Math.floor(CHAR_PITCH - BODY_SIZE * 10);

/**
 * word/styles.xml, written whole because docx cannot set paragraph `w:snapToGrid`. Every paragraph opts out of
 * the character grid: LibreOffice snaps each 16 pt glyph to two 15.8 pt cells (14 characters a line), so the
 * 28-character line comes from KERN in every reader, and the section's docGrid only tells Word's and WPS's page
 * setup "22 lines × 28 characters". Word and WPS add no space between Chinese and digits (autoSpaceDE/DN off;
 * LibreOffice still does), and there is no widow control, so every full page holds 22 lines.
 */
export function stylesXml(): string {
  const rPr =
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/>' +
    `<w:spacing w:val="${KERN}"/><w:sz w:val="${BODY_SIZE}"/><w:szCs w:val="${BODY_SIZE}"/>` +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>';
  const pPr =
    '<w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>' +
    `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault>${rPr}</w:rPrDefault><w:pPrDefault>${pPr}</w:pPrDefault></w:docDefaults>` +
    // Normal repeats the defaults: LibreOffice sizes the page's grid from Normal's own font size.
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>${pPr}${rPr}</w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/>' +
    '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    // docx's footnotes.xml and endnotes.xml refer to these two.
    noteReference("FootnoteReference", "footnote reference") +
    noteReference("EndnoteReference", "endnote reference") +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}

const noteReference = (id: string, name: string) =>
  `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/>` +
  '<w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>';
