import { describe, expect, it } from "vitest";
import { cellText, formatKind, numberText, serialToText } from "./values";
import { parseDateStyles, parseWorkbook, parseRelationships, resolvePart } from "./workbook";

describe("numberText", () => {
  it("writes integers with all their digits and decimals as Excel shows them", () => {
    expect(numberText(350102900101123)).toBe("350102900101123");
    expect(numberText(123456789012345)).toBe("123456789012345");
    expect(numberText(-42)).toBe("-42");
    expect(numberText(-0)).toBe("0");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
    expect(numberText(1200.5)).toBe("1200.5");
    expect(numberText(NaN)).toBe("");
  });
});

describe("serialToText", () => {
  it("converts the 1900 system with Excel's phantom 29 February", () => {
    expect(serialToText(1, "date", false)).toBe("1900-01-01");
    expect(serialToText(59, "date", false)).toBe("1900-02-28");
    expect(serialToText(60, "date", false)).toBe("1900-02-29");
    expect(serialToText(61, "date", false)).toBe("1900-03-01");
    expect(serialToText(45306, "date", false)).toBe("2024-01-15");
    expect(serialToText(45306.354166666664, "date", false)).toBe("2024-01-15 08:30:00");
    expect(serialToText(2958465, "date", false)).toBe("9999-12-31");
  });

  it("converts the 1904 system and bare times", () => {
    expect(serialToText(0, "date", true)).toBe("1904-01-01");
    expect(serialToText(43844, "date", true)).toBe("2024-01-15");
    expect(serialToText(0.5, "time", false)).toBe("12:00:00");
    expect(serialToText(0.9999999999, "time", false)).toBe("00:00:00");
    expect(serialToText(1.25, "time", false)).toBe("1900-01-01 06:00:00");
  });
});

describe("formatKind", () => {
  it("recognises Chinese and locale-tagged date formats, times and elapsed times", () => {
    expect(formatKind('yyyy"年"m"月"d"日"')).toBe("date");
    expect(formatKind("[$-F800]dddd, mmmm dd, yyyy")).toBe("date");
    expect(formatKind("yyyy/m/d h:mm")).toBe("date");
    expect(formatKind('上午/下午h"时"mm"分"')).toBe("time");
    expect(formatKind("[h]:mm:ss")).toBe("time");
    expect(formatKind("mm:ss")).toBe("time");
    expect(formatKind("mmm-yy")).toBe("date");
  });

  it("knows a percent format, whose cell holds a hundredth of what it shows", () => {
    for (const code of ["0%", "0.0%", "0.00%;[Red]-0.00%", '0.0"个百分点"%']) expect(formatKind(code), code).toBe("percent");
    expect(formatKind('0.0"%"')).toBeUndefined(); // a literal sign: the number is shown as it is
    expect(cellText(0.985, "percent", false)).toBe("98.5%");
    expect(cellText(0.07, "percent", false)).toBe("7%");
    expect(cellText({ formula: "A1/B1", result: 1 }, "percent", false)).toBe("100%");
  });

  it("does not take number, currency or text formats for dates", () => {
    for (const code of ["General", "0.00", "#,##0", "0.00E+00", '#,##0 "元"', "[$¥-804]#,##0.00", "@", "0.0_);[Red](0.0)", "[DBNum1]General"]) {
      expect(formatKind(code), code).toBeUndefined();
    }
  });
});

describe("cellText", () => {
  it("converts every kind of exceljs value", () => {
    expect(cellText(true, undefined, false)).toBe("是");
    expect(cellText(false, undefined, false)).toBe("否");
    expect(cellText({ richText: [{ text: "福州" }, { text: "市" }] }, undefined, false)).toBe("福州市");
    expect(cellText({ text: "官网", hyperlink: "https://example.cn" }, undefined, false)).toBe("官网");
    expect(cellText({ formula: "A1*2", result: 84 }, undefined, false)).toBe("84");
    expect(cellText({ formula: "A1" }, undefined, false)).toBe("");
    expect(cellText({ formula: "", result: 45306 }, "date", false)).toBe("2024-01-15");
    expect(cellText({ formula: "A1", result: { error: "#N/A" } }, undefined, false)).toBe("");
    expect(cellText({ error: "#DIV/0!" }, undefined, false)).toBe("");
    expect(cellText(new Date(Date.UTC(2024, 0, 15)), undefined, false)).toBe("2024-01-15");
    expect(cellText(new Date(Date.UTC(2024, 0, 15, 8, 30)), undefined, false)).toBe("2024-01-15 08:30:00");
    expect(cellText("第一行_x000D_\n第二行_x005F_x000D_", undefined, false)).toBe("第一行\r\n第二行_x000D_");
    expect(cellText(null, undefined, false)).toBe("");
  });
});

describe("workbook parts", () => {
  it("lists worksheets in tab order with their parts, skipping chart sheets", () => {
    const rels = parseRelationships(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
      </Relationships>`,
      "xl/workbook.xml",
    );
    const book = parseWorkbook(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets>
        <sheet name="说明" sheetId="1" state="hidden" r:id="rId1"/><sheet name="图" sheetId="2" r:id="rId2"/>
        <sheet name="A&amp;B 名单" sheetId="3" r:id="rId3"/></sheets></workbook>`,
      rels,
    );
    expect(book).toEqual({
      sheets: [
        { name: "说明", path: "xl/worksheets/sheet1.xml", hidden: true },
        { name: "A&B 名单", path: "xl/worksheets/sheet2.xml", hidden: false },
      ],
      date1904: true,
      prefixed: false,
    });
    expect(resolvePart("xl/workbook.xml", "../customXml/item1.xml")).toBe("customXml/item1.xml");
  });

  it("maps cell styles to date kinds, including built-in Chinese formats exceljs does not know", () => {
    const kinds = parseDateStyles(`<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/><xf numFmtId="176"><alignment/></xf><xf numFmtId="49"/><xf numFmtId="21"/></cellXfs></styleSheet>`);
    expect(kinds).toEqual([undefined, "date", "date", undefined, "time"]);
  });
});
