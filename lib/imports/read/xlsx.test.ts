import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable, ReadRefusal, type ReadOptions, type TableRow } from "./index";

const dir = mkdtempSync(join(tmpdir(), "read-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(source: { path: string } | { bytes: Uint8Array }, options: Partial<ReadOptions> = {}) {
  const { rows, report } = readTable(source, { fileName: "上传.xlsx", ...options });
  const out: TableRow[] = [];
  for await (const row of rows) out.push(row);
  return { rows: out, report };
}

/** A zip written by hand, so central-directory sizes can lie. */
function zipOf(entries: { name: string; data: Buffer; declaredSize?: number; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate === false ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate === false ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate === false ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let mainFile: string;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const hidden = wb.addWorksheet("填表说明", { state: "hidden" });
  hidden.addRow(["请勿修改本页"]);
  const ws = wb.addWorksheet("企业名单");
  ws.addRow(["企业名称", "身份证号", "成立日期", "更新时间", "金额", "两倍金额", "备注", "是否失信", "链接", "中文日期"]);
  ws.addRow([
    "甲公司",
    350102900101123,
    new Date(Date.UTC(2024, 0, 15)),
    new Date(Date.UTC(2024, 0, 15, 8, 30, 0)),
    1200.5,
    { formula: "E2*2", result: 2401 },
    { richText: [{ text: "重点", font: { bold: true } }, { text: "关注" }] },
    true,
    { text: "信用中国", hyperlink: "https://www.creditchina.gov.cn" },
    45306,
  ]);
  ws.getCell("C2").numFmt = "yyyy-mm-dd";
  ws.getCell("D2").numFmt = "yyyy-mm-dd hh:mm:ss";
  ws.getCell("J2").numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow(["乙公司", 350102900101124, null, null, 0, { formula: "E3*2" }, "甲公司", false, null, null]);
  ws.getCell("B4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  const second = wb.addWorksheet("第二批");
  second.addRow(["名称"]);
  second.addRow(["丙公司"]);
  mainFile = join(dir, "main.xlsx");
  await wb.xlsx.writeFile(mainFile);
});

describe("readTable on xlsx", () => {
  it("reads the first visible sheet: shared strings, long numbers, dates, formulas, rich text, links, booleans", async () => {
    const { rows, report } = await readAll({ path: mainFile });
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["企业名称", "身份证号", "成立日期", "更新时间", "金额", "两倍金额", "备注", "是否失信", "链接", "中文日期"] },
      {
        rowNumber: 2,
        cells: ["甲公司", "350102900101123", "2024-01-15", "2024-01-15 08:30:00", "1200.5", "2401", "重点关注", "是", "信用中国", "2024-01-15"],
      },
      { rowNumber: 3, cells: ["乙公司", "350102900101124", "", "", "0", "", "甲公司", "否"] },
    ]);
    expect(report).toMatchObject({ kind: "xlsx", sheet: "企业名单", sheets: ["填表说明", "企业名单", "第二批"], formulaCells: 2 });
    expect(report.emptyRows).toBe(1); // row 4 holds only an error value
  });

  it("reads the same from bytes, and a sheet chosen by name", async () => {
    const bytes = readFileSync(mainFile);
    const { rows, report } = await readAll({ bytes }, { sheet: "第二批" });
    expect(rows).toEqual([{ rowNumber: 1, cells: ["名称"] }, { rowNumber: 2, cells: ["丙公司"] }]);
    expect(report.sheet).toBe("第二批");
  });

  it("refuses a sheet name that does not exist, naming the sheets there are", async () => {
    await expect(readAll({ path: mainFile }, { sheet: "第三批" })).rejects.toThrow(
      "文件中没有名为「第三批」的工作表。现有工作表：「填表说明」、「企业名单」、「第二批」",
    );
  });

  it("treats a built-in Chinese date format (id 31) as a date although exceljs does not", async () => {
    const zip = await JSZip.loadAsync(readFileSync(mainFile));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const id = /<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"\/>/.exec(styles)![1];
    zip.file("xl/styles.xml", styles.replaceAll(`numFmtId="${id}"`, 'numFmtId="31"'));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const { rows } = await readAll({ bytes });
    expect(rows[1]!.cells[9]).toBe("2024-01-15");
  });

  it("ignores phonetic guides (拼音指南) in shared strings", async () => {
    const zip = await JSZip.loadAsync(readFileSync(mainFile));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", strings.replace("<t>企业名称</t>", '<t>企业名称</t><rPh sb="0" eb="2"><t>qǐ yè</t></rPh>'));
    const { rows } = await readAll({ bytes: await zip.generateAsync({ type: "nodebuffer" }) });
    expect(rows[0]!.cells[0]).toBe("企业名称");
  });

  it("passes 100,000 formatted but empty rows quickly, counting them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(["名称", "代码"]);
    ws.getCell("A2").value = "丁公司";
    ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    ws.getCell("B2").value = "91350100M000100Y43";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const rowXml = /<row r="2"[\s\S]*?<\/row>/.exec(sheetXml)![0];
    // What Excel writes for rows that were formatted and then cleared: styled cells with no value.
    const blank: string[] = [];
    for (let r = 2; r <= 100_001; r++) {
      const b = r % 2 ? `<c r="B${r}" s="1" t="inlineStr"><is><t xml:space="preserve"> </t></is></c>` : `<c r="B${r}" s="1"></c>`;
      blank.push(`<row r="${r}" spans="1:2" s="1" customFormat="1"><c r="A${r}" s="1"/>${b}</row>`);
    }
    zip.file("xl/worksheets/sheet1.xml", sheetXml.replace(rowXml, blank.join("") + rowXml.replaceAll(/"([A-Z]?)2"/g, '"$1100002"')));
    const path = join(dir, "empty-rows.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const started = Date.now();
    const { rows, report } = await readAll({ path });
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["名称", "代码"] },
      { rowNumber: 100_002, cells: ["丁公司", "91350100M000100Y43"] },
    ]);
    expect(report.emptyRows).toBe(100_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("can be left early", async () => {
    const { rows } = readTable({ path: mainFile }, { fileName: "a.xlsx" });
    for await (const row of rows) {
      expect(row.rowNumber).toBe(1);
      break;
    }
  });

  it("cuts over-long cells and refuses too many rows", async () => {
    const long = await readAll({ path: mainFile }, { maxCellChars: 3 });
    expect(long.rows[0]!.cells[0]).toBe("企业名");
    expect(long.report.longCells.slice(0, 2)).toEqual([{ rowNumber: 1, column: 1 }, { rowNumber: 1, column: 2 }]);
    await expect(readAll({ path: mainFile }, { maxRows: 2 })).rejects.toThrow("文件超过 2 行，请拆分后分批导入");
  });

  it("refuses a zip bomb, an oversized package, and a corrupt or truncated file", async () => {
    const bomb = zipOf([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1000), declaredSize: 300 * 1024 * 1024 },
    ]);
    await expect(readAll({ bytes: bomb })).rejects.toThrow(/压缩时的上千倍/);

    await expect(readAll({ path: mainFile }, { maxUncompressedBytes: 1000 })).rejects.toThrow(/解压后超过/);

    const whole = readFileSync(mainFile);
    const cut = join(dir, "cut.xlsx");
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(readAll({ path: cut })).rejects.toThrow("Excel 文件已损坏或不完整，无法读取");
  });

  it("refuses a sheet that inflates to more than its declared size, without hanging", async () => {
    const sheet = Buffer.from(
      `<worksheet><sheetData>${'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2000)}</sheetData></worksheet>`,
    );
    const lying = zipOf([
      {
        name: "xl/workbook.xml",
        data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      },
      { name: "xl/worksheets/sheet1.xml", data: sheet, declaredSize: 1000 },
    ]);
    await expect(readAll({ bytes: lying })).rejects.toThrow(ReadRefusal);
  });

  it("says what a zip that is not a workbook is", async () => {
    const docx = zipOf([
      {
        name: "_rels/.rels",
        data: Buffer.from('<Relationships><Relationship Id="rId1" Type="x/officeDocument" Target="word/document.xml"/></Relationships>'),
      },
      { name: "word/document.xml", data: Buffer.from("<w:document/>") },
    ]);
    await expect(readAll({ bytes: docx })).rejects.toThrow("这是 Word 文档，不是表格");
  });
});
