// Cells with no value (`<c r="B7" s="3"/>`) and rows left empty by removing them are what Excel writes for ranges
// that were formatted and never filled. Dropping them from the XML text before exceljs sees it keeps a sheet with a
// million such rows fast; the XML is handled as latin1 so UTF-8 bytes pass through untouched.
const EMPTY_CELL = /<c\b[^>]*?(?:\/>|>\s*<\/c>)/g;
const EMPTY_ROW = /<row\b([^>]*?)(?:\/>|>\s*<\/row>)/g;
const NUMBERED = /\br\s*=/;

/**
 * The sheet XML without value-less cells and empty numbered rows (counted through `onDroppedRows`). Text is cut
 * after a `>`, so a match is never split inside a tag; one split across two pieces is merely left in place.
 */
export async function* dropEmptyCells(
  chunks: AsyncIterable<Buffer>,
  onDroppedRows: (count: number) => void,
): AsyncGenerator<Buffer> {
  let carry = "";
  const clean = (text: string) => {
    let dropped = 0;
    const out = text
      .replace(EMPTY_CELL, "")
      // Rows without an `r` are numbered by position, so they must stay for the rows after them to keep their number.
      .replace(EMPTY_ROW, (row, attributes: string) => (NUMBERED.test(attributes) ? (dropped++, "") : row));
    if (dropped > 0) onDroppedRows(dropped);
    return Buffer.from(out, "latin1");
  };
  for await (const chunk of chunks) {
    const text = carry + chunk.toString("latin1");
    const cut = safeCut(text);
    carry = text.slice(cut);
    if (cut > 0) yield clean(text.slice(0, cut));
  }
  if (carry) yield clean(carry);
}

/** No tag is ever longer than this: a longer unfinished "tag" is text, passed on rather than held. */
const MAX_CARRY = 64 * 1024;

/**
 * Where a piece of XML text may be cut without splitting a tag: at its end when every tag in it is complete,
 * else before the unfinished tag. Long text between tags is never held back, so cost stays linear.
 */
function safeCut(text: string): number {
  const open = text.lastIndexOf("<");
  if (open < 0 || text.lastIndexOf(">") > open) return text.length;
  return text.length - open > MAX_CARRY ? text.length : open;
}

const PHONETIC_RUN = /<rPh\b[^>]*>[\s\S]*?<\/rPh>/g;

/**
 * The shared-string XML without phonetic runs (拼音指南 / furigana, `<rPh>…</rPh>`): exceljs would otherwise take the
 * reading for the cell's text. A run is never split: text is cut before an unfinished `<rPh`.
 */
export async function* dropPhoneticRuns(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry = "";
  for await (const chunk of chunks) {
    const text = carry + chunk.toString("latin1");
    let cut = safeCut(text);
    const open = text.lastIndexOf("<rPh");
    // An unfinished run is held back whole, unless it is far longer than any reading (then it passes as it is).
    if (open > text.lastIndexOf("</rPh>") && text.length - open <= MAX_CARRY * 16) cut = Math.min(cut, open);
    carry = text.slice(cut);
    if (cut > 0) yield Buffer.from(text.slice(0, cut).replace(PHONETIC_RUN, ""), "latin1");
  }
  if (carry) yield Buffer.from(carry.replace(PHONETIC_RUN, ""), "latin1");
}
