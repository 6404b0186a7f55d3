import { describe, expect, it } from "vitest";
import { dropEmptyCells, dropPhoneticRuns } from "./xml-filters";

async function* piecesOf(xml: string, pieceSize: number) {
  const bytes = Buffer.from(xml);
  for (let i = 0; i < bytes.length; i += pieceSize) yield bytes.subarray(i, i + pieceSize);
}

async function filter(xml: string, pieceSize: number) {
  const pieces = () => piecesOf(xml, pieceSize);
  let dropped = 0;
  const out: Buffer[] = [];
  for await (const b of dropEmptyCells(pieces(), (n) => (dropped += n))) out.push(b);
  return { xml: Buffer.concat(out).toString("utf8"), dropped };
}

describe("dropEmptyCells", () => {
  const xml =
    '<worksheet><cols><col min="1" max="3" style="2"/></cols><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"/><c r="C1" t="inlineStr"><is><t>福州&gt;厦门</t></is></c></row>' +
    '<row r="2" s="3" customFormat="1"><c r="A2" s="3"/><c r="B2" s="3"></c></row>' +
    '<row r="3" ht="20" customHeight="1"/>' +
    "<row><c r=\"A4\" s=\"1\"/></row>" +
    '<row r="5"><c r="A5"><f>B5*2</f></c></row>' +
    "</sheetData><conditionalFormatting sqref=\"A1\"><cfRule type=\"expression\"/></conditionalFormatting></worksheet>";
  const expected =
    '<worksheet><cols><col min="1" max="3" style="2"/></cols><sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>福州&gt;厦门</t></is></c></row>' +
    "<row></row>" +
    '<row r="5"><c r="A5"><f>B5*2</f></c></row>' +
    '</sheetData><conditionalFormatting sqref="A1"><cfRule type="expression"/></conditionalFormatting></worksheet>';

  it("drops value-less cells and the numbered rows they leave empty, keeping everything else byte for byte", async () => {
    expect(await filter(xml, 1 << 16)).toEqual({ xml: expected, dropped: 2 });
  });

  it("never corrupts the XML whatever the piece boundaries (a split match is just kept)", async () => {
    for (const size of [1, 2, 3, 5, 7, 11, 64]) {
      const { xml: out } = await filter(xml, size);
      // What a split left in place is only value-less cells and empty rows.
      const normalised = out.replace(/<c r="[A-Z]\d" s="3"(\/>|><\/c>)/g, "").replace(/<row r="[23]"[^>]*(\/>|><\/row>)/g, "");
      expect(normalised).toBe(expected);
    }
  });
});

describe("dropPhoneticRuns", () => {
  it("removes phonetic readings however the text is cut", async () => {
    const xml =
      '<sst count="2"><si><t>张三</t><rPh sb="0" eb="2"><t>zhāng sān</t></rPh><phoneticPr fontId="1"/></si>' +
      "<si><r><t>福州</t></r><r><t>市</t></r></si></sst>";
    const expected = '<sst count="2"><si><t>张三</t><phoneticPr fontId="1"/></si><si><r><t>福州</t></r><r><t>市</t></r></si></sst>';
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const out: Buffer[] = [];
      for await (const b of dropPhoneticRuns(piecesOf(xml, size))) out.push(b);
      expect(Buffer.concat(out).toString("utf8")).toBe(expected);
    }
  });
});

describe("long text between tags", () => {
  it("is passed on as it comes, never held back until its end (which made a 34 KB xlsx take minutes)", async () => {
    const { dropEmptyCells, dropPhoneticRuns } = await import("./xml-filters");
    const piece = Buffer.from("A".repeat(64 * 1024), "latin1");
    const head = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>', "latin1");
    const tail = Buffer.from("</t></is></c></row>", "latin1");
    async function* chunks() {
      yield head;
      for (let i = 0; i < 256; i++) yield piece; // 16 MB of text with no '>'
      yield tail;
    }
    for (const filter of [(c: AsyncIterable<Buffer>) => dropEmptyCells(c, () => undefined), dropPhoneticRuns]) {
      let bytes = 0;
      let pieces = 0;
      for await (const out of filter(chunks())) {
        bytes += out.length;
        pieces++;
      }
      expect(bytes).toBe(16 * 1024 * 1024 + head.length + tail.length);
      expect(pieces).toBeGreaterThan(250);
    }
  });
});
