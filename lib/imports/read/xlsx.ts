import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CORRUPT_XLSX, ReadRefusal } from "./refusal";
import type { RowShaper } from "./rows";
import { dropEmptyCells, dropPhoneticRuns } from "./xml-filters";
import type { TableSource } from "./source";
import type { ReadReport, ResolvedOptions, TableRow } from "./types";
import type { FormatKind } from "./values";
import { cellText, isFormula } from "./values";
import { planRead, RESAVE } from "./xlsx-plan";
import { openZip, repack } from "./zip";

// exceljs keeps the shared-string table in memory (about 2.5× its XML size): bound it rather than exhaust the heap.
const MAX_SHARED_STRINGS_BYTES = 512 * 1024 * 1024;


/** Streams the rows of one worksheet: the zip is checked first, then exceljs reads only that sheet. */
export async function* readXlsx(
  source: TableSource,
  options: ResolvedOptions,
  report: ReadReport,
  shaper: RowShaper,
): AsyncGenerator<TableRow> {
  const index = await openZip(source, options.maxUncompressedBytes);
  let input: Readable | undefined;
  try {
    const plan = await planRead(index, options.sheet, report);
    const find = (path: string) => index.entries.get(path.toLowerCase());
    const sheetEntry = find(plan.sheet.path);
    if (!sheetEntry) throw new ReadRefusal(CORRUPT_XLSX);
    const strings = plan.sharedStrings ? find(plan.sharedStrings) : undefined;
    if (strings && strings.uncompressedSize > MAX_SHARED_STRINGS_BYTES) {
      throw new ReadRefusal("Excel 文件中的文字内容过多（超过 512 MB），无法一次读取。请另存为 CSV（UTF-8）或拆分成几个文件后分批导入");
    }
    input = Readable.from(
      repack(index.zip, [
        // A stand-in relationships part: exceljs streams the sheet directly only once it has seen one.
        { name: "xl/_rels/workbook.xml.rels", text: '<?xml version="1.0"?><Relationships></Relationships>' },
        strings
          ? { name: "xl/sharedStrings.xml", entry: strings, transform: dropPhoneticRuns }
          : { name: "xl/sharedStrings.xml", text: "<sst></sst>" },
        {
          name: "xl/worksheets/sheet1.xml",
          entry: sheetEntry,
          transform: (data) => dropEmptyCells(data, (count) => (report.emptyRows += count)),
        },
      ]),
      { objectMode: false },
    );
    // A failing zip stream is not passed on to exceljs's unzipper, which would then wait forever: fail the wait here.
    // (Racing every row against one long-pending promise would instead pile up reactions and keep every row alive.)
    let streamError: unknown = null;
    let failWait: ((error: unknown) => void) | null = null;
    input.on("error", (error) => {
      streamError ??= error;
      failWait?.(error);
    });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: "cache",
      worksheets: "emit",
      styles: "ignore",
      hyperlinks: "ignore",
      entries: "ignore",
    });
    // exceljs only knows a date when the format text is one it recognises; we give it our own per-style answer.
    (reader as unknown as { styles: unknown }).styles = new DateStyles(plan.dateKinds);

    const rows = sheetRows(reader)[Symbol.asyncIterator]();
    let last = 0;
    for (;;) {
      let next: IteratorResult<ExcelJS.Row>;
      try {
        next = await new Promise<IteratorResult<ExcelJS.Row>>((resolve, reject) => {
          if (streamError !== null) return reject(streamError);
          failWait = reject;
          rows.next().then(resolve, reject);
        });
      } catch (error) {
        throw error instanceof ReadRefusal ? error : new ReadRefusal(`Excel 文件格式异常，无法读取。${RESAVE}`, { cause: error });
      }
      failWait = null;
      if (next.done) return;
      const row = next.value;
      const rowNumber = Number.isInteger(row.number) && row.number > 0 ? row.number : last + 1;
      last = rowNumber;
      const cells: string[] = [];
      row.eachCell((cell, column) => {
        const value = cell.value;
        if (isFormula(value)) report.formulaCells++;
        const kind = (cell.style as { dateKind?: FormatKind } | undefined)?.dateKind;
        cells[column - 1] = cellText(value, kind, plan.date1904);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= "";
      const shaped = shaper.shape(rowNumber, cells);
      if (shaped) yield shaped;
    }
  } finally {
    input?.destroy();
    index.zip.close();
  }
}

async function* sheetRows(reader: ExcelJS.stream.xlsx.WorkbookReader): AsyncGenerator<ExcelJS.Row> {
  for await (const worksheet of reader) for await (const row of worksheet) yield row;
}

/** Stand-in for exceljs's style manager: a cell's style is just whether its number format is a date, a time or a percentage. */
class DateStyles {
  private readonly models: ({ dateKind: FormatKind } | null)[];
  constructor(kinds: (FormatKind | undefined)[]) {
    this.models = kinds.map((kind) => (kind ? { dateKind: kind } : null));
  }
  getStyleModel(id: number) {
    return this.models[id] ?? null;
  }
}
