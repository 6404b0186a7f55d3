import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { readTable, ReadRefusal, type ReadOptions, type TableRow } from "./index";

const dir = mkdtempSync(join(tmpdir(), "read-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: Buffer | string): { path: string } {
  const path = join(dir, `f${++fileNo}.csv`);
  writeFileSync(path, content);
  return { path };
}

async function readAll(source: { path: string } | { bytes: Uint8Array }, options: Partial<ReadOptions> = {}) {
  const { rows, report } = readTable(source, { fileName: "上传.csv", ...options });
  const out: TableRow[] = [];
  for await (const row of rows) out.push(row);
  return { rows: out, report };
}
const cellsOf = (rows: TableRow[]) => rows.map((r) => r.cells);

const TEXT = "企业名称,统一社会信用代码,金额\n甲公司,91350100M000100Y43,1200.50\n乙公司,911522010783762860,0\n";
const EXPECTED = [
  ["企业名称", "统一社会信用代码", "金额"],
  ["甲公司", "91350100M000100Y43", "1200.50"],
  ["乙公司", "911522010783762860", "0"],
];

describe("readTable on CSV", () => {
  it("reads UTF-8 with and without BOM, GB18030 and UTF-16LE (Excel's Unicode text) alike", async () => {
    const cases: [Buffer, string][] = [
      [Buffer.from(TEXT), "utf-8"],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), "utf-8"],
      [iconv.encode(TEXT, "gb18030"), "gb18030"],
      [iconv.encode(TEXT.replaceAll(",", "\t"), "utf-16le", { addBOM: true }), "utf-16le"],
    ];
    for (const [content, encoding] of cases) {
      const { rows, report } = await readAll(file(content));
      expect(cellsOf(rows)).toEqual(EXPECTED);
      expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
      expect(report).toMatchObject({ kind: "csv", encoding });
    }
  });

  it("detects tab and semicolon delimiters; the full-width comma is text", async () => {
    const tab = await readAll(file("名称\t代码\n甲，乙\t1\n"));
    expect(tab.report.delimiter).toBe("\t");
    expect(cellsOf(tab.rows)).toEqual([["名称", "代码"], ["甲，乙", "1"]]);
    const semi = await readAll(file("名称;金额\n甲;1,5\n"));
    expect(semi.report.delimiter).toBe(";");
    expect(cellsOf(semi.rows)).toEqual([["名称", "金额"], ["甲", "1,5"]]);
    const fullWidth = await readAll(file("名称，代码\n甲，1\n"));
    expect(fullWidth.report.delimiter).toBe(",");
    expect(cellsOf(fullWidth.rows)).toEqual([["名称，代码"], ["甲，1"]]);
    const sep = await readAll(file("sep=;\r\n名称;金额\r\n甲;2\r\n"));
    expect(sep.report.delimiter).toBe(";");
    expect(sep.rows).toEqual([{ rowNumber: 1, cells: ["名称", "金额"] }, { rowNumber: 2, cells: ["甲", "2"] }]);
  });

  it("keeps quoted commas, quotes and line breaks inside a cell; a record is one row", async () => {
    const { rows } = await readAll(file('名称,地址,备注\r\n"甲,乙公司","福州市\r\n鼓楼区","说""好""的"\r\n丙,丁,戊\r\n'));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["名称", "地址", "备注"] },
      { rowNumber: 2, cells: ["甲,乙公司", "福州市\r\n鼓楼区", '说"好"的'] },
      { rowNumber: 3, cells: ["丙", "丁", "戊"] },
    ]);
  });

  it("skips blank lines and blank records but counts them and keeps Excel's numbering", async () => {
    const { rows, report } = await readAll(file("名称,代码\n\n甲,1\n , ,\u3000\n,,\n乙,2,,\n\n"));
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["名称", "代码"] },
      { rowNumber: 3, cells: ["甲", "1"] },
      { rowNumber: 6, cells: ["乙", "2"] },
    ]);
    expect(report.emptyRows).toBe(4);
  });

  it("turns a line with an unclosed quote into one unreadable row and reads the rows around it", async () => {
    const content = '名称,代码,备注\n甲,1,"正常"\n乙,2,"没有结束的引号\n丙,3,好\n丁,4,"跨\n行"\n';
    for (const source of [file(content), { bytes: Buffer.from(content) }]) {
      const { rows } = await readAll(source);
      expect(rows).toEqual([
        { rowNumber: 1, cells: ["名称", "代码", "备注"] },
        { rowNumber: 2, cells: ["甲", "1", "正常"] },
        // The line given back as written, so the rejected-rows file shows which one it was.
        { rowNumber: 3, cells: ["乙", "2", '"没有结束的引号'], unreadable: expect.stringContaining("第 3 行引号不配对") },
        { rowNumber: 4, cells: ["丙", "3", "好"] },
        { rowNumber: 5, cells: ["丁", "4", "跨\n行"] },
      ]);
    }
  });

  it("recovers from several broken quotes, in GB18030 too, and from stray quotes inside cells", async () => {
    const content = '名称,代码\n甲,"1\n乙,2\n丙,"3\n丁,4\n戊,5"寸"\n';
    const { rows } = await readAll(file(iconv.encode(content, "gb18030")));
    expect(rows.map((r) => r.unreadable ? `${r.rowNumber}:坏` : `${r.rowNumber}:${r.cells.join("|")}`)).toEqual([
      "1:名称|代码",
      "2:坏",
      "3:乙|2",
      "4:坏",
      "5:丁|4",
      '6:戊|5"寸"',
    ]);
  });

  it("matches csv-parse on a large file whatever the chunk boundaries (multi-line cells, CRLF, Chinese)", async () => {
    const lines = [];
    for (let i = 0; i < 20_000; i++) {
      lines.push(i % 7 === 0 ? `${i},"地址${i}\r\n第二行, 含逗号",${"文".repeat(i % 13)}` : `${i},名称${i},"引""号"`);
    }
    const content = lines.join("\r\n") + "\r\n";
    const expected = parse(content, { relax_column_count: true }) as string[][];
    const { rows } = await readAll({ bytes: Buffer.from(content) });
    expect(rows.length).toBe(expected.length);
    expect(cellsOf(rows)).toEqual(expected.map((r) => { while (r.length && r.at(-1) === "") r.pop(); return r; }));
    expect(rows.at(-1)!.rowNumber).toBe(20_000);
  });

  it("keeps reading after an unclosed quote far from where it started (beyond a chunk)", async () => {
    const before = Array.from({ length: 3000 }, (_, i) => `${i},前${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `${i},后${i}`);
    const content = [...before, '坏,"从这里开始没有结束', ...after].join("\n") + "\n";
    const { rows } = await readAll({ bytes: Buffer.from(content) });
    expect(rows.length).toBe(6001);
    expect(rows[3000]).toMatchObject({ rowNumber: 3001, cells: ["坏", '"从这里开始没有结束'], unreadable: expect.any(String) });
    expect(rows[3001]).toEqual({ rowNumber: 3002, cells: ["0", "后0"] });
    expect(rows.at(-1)).toEqual({ rowNumber: 6001, cells: ["2999", "后2999"] });
  });

  it("gives up on a runaway quote after 8 MB and reads everything after its line", async () => {
    const after = Array.from({ length: 150_000 }, (_, i) => `${i},${"内容".repeat(20)}`);
    const content = ['名称,内容', '坏,"没有结束', ...after].join("\n") + "\n";
    const { rows } = await readAll({ bytes: Buffer.from(content) });
    expect(rows.length).toBe(150_002);
    expect(rows[1]).toMatchObject({ rowNumber: 2, unreadable: expect.stringContaining("第 2 行") });
    expect(rows.at(-1)).toEqual({ rowNumber: 150_002, cells: ["149999", "内容".repeat(20)] });
  });

  it("notices a GB18030 file whose first megabyte is plain ASCII", async () => {
    const content = Buffer.concat([Buffer.from("code,amount\n" + "A1,100\n".repeat(200_000)), iconv.encode("B2,张三\n", "gb18030")]);
    const { rows, report } = await readAll(file(content));
    expect(report.encoding).toBe("gb18030");
    expect(rows.at(-1)).toEqual({ rowNumber: 200_002, cells: ["B2", "张三"] });
  });

  it("can be left early", async () => {
    const { rows } = readTable(file("a\nb\nc\n"), { fileName: "x.csv" });
    for await (const row of rows) {
      expect(row.cells).toEqual(["a"]);
      break;
    }
  });

  it("cuts over-long cells and lists them; refuses more rows than allowed from the iterator", async () => {
    const long = await readAll(file(`名称,说明\n甲,${"长".repeat(50)}\n`), { maxCellChars: 10 });
    expect(long.rows[1]!.cells[1]).toBe("长".repeat(10));
    expect(long.report.longCells).toEqual([{ rowNumber: 2, column: 2 }]);

    const { rows } = readTable(file("a\nb\nc\nd\n"), { fileName: "x.csv", maxRows: 3 });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const row of rows) seen.push(row.cells[0]!);
    })();
    await expect(reading).rejects.toThrow(new ReadRefusal("文件超过 3 行，请拆分后分批导入"));
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("refuses what is not a table before reading", () => {
    expect(() => readTable({ bytes: Buffer.from("%PDF-1.4") }, { fileName: "a.csv" })).toThrow(ReadRefusal);
    expect(() => readTable(file(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), { fileName: "a.xls" })).toThrow(
      "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再上传",
    );
  });
});
