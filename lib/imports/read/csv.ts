import { parse, type CsvError } from "csv-parse";
import { ByteFeed } from "./byte-feed";
import { toUtf8, type TextEncodingName } from "./encoding";
import type { RowShaper } from "./rows";
import { sourceChunks, type TableSource } from "./source";
import type { TableRow } from "./types";

const CANDIDATES = [",", "\t", ";"] as const;

/** Delimiter of a CSV from its first non-blank line (quoted parts ignored); Excel's `sep=X` line wins if present. */
export function detectDelimiter(text: string): { delimiter: string; sepLine?: string } {
  const sep = /^sep=([^\r\n"])(\r\n|\n|\r)/i.exec(text);
  if (sep) return { delimiter: sep[1]!, sepLine: sep[0] };
  const line = (/^[^\S\r\n]*[^\s].*$/m.exec(text)?.[0] ?? "").replace(/"[^"]*("|$)/g, "");
  let best: string = ",";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const count = line.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return { delimiter: best };
}

// A record longer than this is not a real row but an unclosed quote swallowing the lines after it.
const MAX_RECORD_BYTES = 8 << 20;

class GaveUp extends Error {
  constructor(readonly code: string | undefined) {
    super(code);
  }
}

export interface CsvPlan {
  encoding: TextEncodingName;
  delimiter: string;
  sepLine?: string;
  onEncodingRevised: (encoding: TextEncodingName) => void;
}

/**
 * Streams a CSV's rows. csv-parse stops at a record it cannot finish (an unclosed quote runs to the end of the file);
 * that record becomes an `unreadable` row and parsing resumes on the next line with a fresh parser.
 */
export async function* readCsv(source: TableSource, plan: CsvPlan, shaper: RowShaper): AsyncGenerator<TableRow> {
  const feed = new ByteFeed(toUtf8(sourceChunks(source), plan.encoding, plan.onEncodingRevised));
  if (plan.sepLine) {
    await feed.skipLine();
    feed.release(feed.position);
  }
  let recordNumber = 0;
  for (;;) {
    const base = feed.position;
    let recordEnd = base;
    const records: string[][] = [];
    let failure: unknown = null;
    const parser = parse({
      delimiter: plan.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      // Records are taken here rather than from the stream so they stay in order with the failure below.
      on_record: (record: string[], info) => {
        records.push(record);
        recordEnd = base + info.bytes;
        return null;
      },
      // Skipping would leave the parser inside the runaway quote; stop and resume from the next line instead.
      on_skip: (error: CsvError | undefined) => {
        throw new GaveUp(error?.code);
      },
    });
    parser.on("error", (error) => (failure ??= error));
    const ended = new Promise<void>((resolve) => parser.once("finish", resolve).once("error", () => resolve()));

    let atEnd = false;
    while (failure === null) {
      const chunk = await feed.next();
      if (!chunk) {
        atEnd = true;
        parser.end();
        await ended;
      } else parser.write(chunk);
      for (const cells of records) {
        const row = shaper.shape(++recordNumber, cells);
        if (row) yield row;
      }
      records.length = 0;
      if (atEnd) break;
      feed.release(recordEnd);
    }
    if (failure === null) return;
    if (!(failure instanceof GaveUp)) throw failure;

    recordNumber++;
    yield shaper.unreadable(recordNumber, unreadableReason(recordNumber, failure.code));
    feed.stepBack(recordEnd);
    if (!(await feed.skipLine())) return;
    feed.release(feed.position);
  }
}

function unreadableReason(rowNumber: number, code: string | undefined): string {
  if (code === "CSV_QUOTE_NOT_CLOSED" || code === "CSV_MAX_RECORD_SIZE") {
    return `第 ${rowNumber} 行引号不配对，无法读取。请检查该行的英文双引号（"）是否成对，改正后重新上传该行`;
  }
  return `第 ${rowNumber} 行格式有误，无法读取。请检查该行后重新上传`;
}

