import iconv from "iconv-lite";
import { detectDelimiter, readCsv } from "./csv";
import { detectEncoding } from "./encoding";
import { sniffFileKind } from "./kind";
import { ReadRefusal } from "./refusal";
import { RowShaper } from "./rows";
import { readHead, type TableSource } from "./source";
import type { ReadOptions, ReadReport, ResolvedOptions, TableRow } from "./types";
import { readXlsx } from "./xlsx";

export { ReadRefusal } from "./refusal";
export type { TableSource } from "./source";
export type { ReadOptions, ReadReport, TableRow } from "./types";

// Enough to sniff the kind and, for text, to see Chinese characters that tell UTF-8 from GB18030.
const HEAD_BYTES = 1 << 20;

/**
 * Reads an uploaded .xlsx or CSV as rows of text, streaming: memory stays flat however many rows the file has.
 * Blank rows are skipped (counted in `report.emptyRows`). Throws `ReadRefusal` (Chinese, for the user) at once for a
 * file that is not a table, and from the iterator for problems found while reading.
 */
export function readTable(
  source: TableSource,
  options: ReadOptions,
): { rows: AsyncIterable<TableRow>; report: ReadReport } {
  const resolved: ResolvedOptions = {
    sheet: options.sheet,
    maxRows: options.maxRows ?? 2_000_000,
    maxCellChars: options.maxCellChars ?? 32_767,
    maxUncompressedBytes: options.maxUncompressedBytes ?? 2 * 1024 ** 3,
  };
  const head = readHead(source, HEAD_BYTES);
  const kind = sniffFileKind(head, options.fileName);
  if ("refused" in kind) throw new ReadRefusal(kind.refused);
  const report: ReadReport = { kind: kind.kind, emptyRows: 0, formulaCells: 0, longCells: [] };
  const shaper = new RowShaper(report, resolved);

  if (kind.kind === "xlsx") return { rows: once(() => readXlsx(source, resolved, report, shaper)), report };

  const encoding = detectEncoding(head);
  const { delimiter, sepLine } = detectDelimiter(iconv.decode(Buffer.from(head.subarray(0, 1 << 16)), encoding));
  report.encoding = encoding;
  report.delimiter = delimiter;
  const plan = { encoding, delimiter, sepLine, onEncodingRevised: (e: string) => (report.encoding = e) };
  return { rows: once(() => readCsv(source, plan, shaper)), report };
}

// The report and row count belong to one pass over the file.
function once<T>(start: () => AsyncIterator<T>): AsyncIterable<T> {
  let used = false;
  return {
    [Symbol.asyncIterator]() {
      if (used) throw new Error("readTable: rows can be iterated only once");
      used = true;
      return start();
    },
  };
}
