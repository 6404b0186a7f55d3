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

/**
 * True when a record contains a quoted cell that ran over a line break and then met a quote that cannot close it
 * (`"…\n丙,3,好\n丁,4,"跨`): a quote left open on an earlier line has swallowed the lines after it. A real
 * multi-line cell closes with a quote followed by a delimiter or line end.
 */
export function swallowsLines(raw: string, delimiter: string): boolean {
  let quoting = false;
  let crossed = false;
  let fieldStart = true;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quoting) {
      if (ch === "\n" || ch === "\r") crossed = true;
      else if (ch === '"') {
        const next = raw[i + 1];
        if (next === '"') i++;
        else if (next === undefined || next === "\n" || next === "\r" || raw.startsWith(delimiter, i + 1)) {
          quoting = false;
        }
        else if (crossed) return true;
        else quoting = false; // as csv-parse's relax_quotes: the rest of the cell is literal text
      }
    } else if (fieldStart && ch === '"') {
      [quoting, crossed, fieldStart] = [true, false, false];
    } else if (raw.startsWith(delimiter, i)) {
      fieldStart = true;
      i += delimiter.length - 1;
    } else fieldStart = false;
  }
  return false;
}

/**
 * The line a broken record starts on, split at the delimiter as written (its quotes cannot be trusted): given back
 * with the rejected row, so the department sees which line it was and fixes it in place.
 */
function brokenLineCells(bytes: Buffer, delimiter: string): string[] {
  const text = bytes.subarray(0, 64 * 1024).toString("utf8");
  const line = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  return line.split(delimiter).map((cell) => cell.slice(0, 2_000));
}

// A record longer than this is not a real row but an unclosed quote swallowing the rest of the file.
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

interface Parsed {
  cells: string[];
  start: number;
  end: number;
}

/**
 * Streams a CSV's rows. A record broken by a stray quote (csv-parse gives up on it, or it swallowed the following
 * lines) becomes an `unreadable` row, and parsing restarts with a fresh parser on the line after its first line.
 */
export async function* readCsv(source: TableSource, plan: CsvPlan, shaper: RowShaper): AsyncGenerator<TableRow> {
  const feed = new ByteFeed(toUtf8(sourceChunks(source), plan.encoding, plan.onEncodingRevised));
  try {
    yield* parseFeed(feed, plan, shaper);
  } finally {
    await feed.close();
  }
}

async function* parseFeed(feed: ByteFeed, plan: CsvPlan, shaper: RowShaper): AsyncGenerator<TableRow> {
  if (plan.sepLine) {
    await feed.skipLine();
    feed.release(feed.position);
  }
  let recordNumber = 0;
  for (;;) {
    const base = feed.position;
    let lastEnd = base;
    const records: Parsed[] = [];
    let failure: unknown = null;
    const parser = parse({
      delimiter: plan.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      max_record_size: MAX_RECORD_BYTES,
      skip_records_with_error: true,
      // Records are taken here rather than from the stream so they stay in order with a failure.
      on_record: (cells: string[], info) => {
        records.push({ cells, start: lastEnd, end: base + info.bytes });
        lastEnd = base + info.bytes;
        return null;
      },
      // Skipping would leave the parser inside the runaway quote; stop and resume from the next line instead.
      on_skip: (error: CsvError | undefined) => {
        throw new GaveUp(error?.code);
      },
    });
    parser.on("error", (error) => (failure ??= error));
    const ended = new Promise<void>((resolve) => parser.once("finish", resolve).once("error", () => resolve()));

    let brokenAt: number | null = null;
    let atEnd = false;
    while (failure === null && brokenAt === null) {
      const chunk = await feed.next();
      if (!chunk) {
        atEnd = true;
        parser.end();
        await ended;
      } else parser.write(chunk);
      for (const record of records) {
        const multiLine = record.cells.some((c) => c.includes("\n") || c.includes("\r"));
        if (multiLine && swallowsLines(feed.slice(record.start, record.end).toString("utf8"), plan.delimiter)) {
          brokenAt = record.start;
          break;
        }
        const row = shaper.shape(++recordNumber, record.cells);
        if (row) yield row;
      }
      records.length = 0;
      if (atEnd) break;
      if (brokenAt === null) feed.release(lastEnd);
    }
    if (brokenAt === null) {
      if (failure === null) return;
      if (!(failure instanceof GaveUp)) throw failure;
      brokenAt = lastEnd;
    }
    recordNumber++;
    yield shaper.unreadable(recordNumber, `第 ${recordNumber} 行引号不配对，无法读取。请检查该行的英文双引号（"）是否成对，改正后重新上传该行`,
      brokenLineCells(feed.slice(brokenAt, feed.position), plan.delimiter));
    parser.destroy();
    feed.stepBack(brokenAt);
    if (!(await feed.skipLine())) return;
    feed.release(feed.position);
  }
}
