import { ReadRefusal } from "./refusal";
import type { ReadReport, ResolvedOptions, TableRow } from "./types";

const MAX_LONG_CELLS = 100;

// \s covers the full-width space (U+3000) and NBSP that pasted Chinese text often carries.
const BLANK = /^\s*$/;
export const isBlank = (text: string) => text.length === 0 || BLANK.test(text);

/** Turns raw cell texts into the rows callers see: blank rows counted and dropped, long cells cut, row cap enforced. */
export class RowShaper {
  private rows = 0;

  constructor(
    private readonly report: ReadReport,
    private readonly options: ResolvedOptions,
  ) {}

  /** `cells` may be mutated. Returns null for a blank row. */
  shape(rowNumber: number, cells: string[]): TableRow | null {
    let end = cells.length;
    while (end > 0 && isBlank(cells[end - 1]!)) end--;
    if (end === 0) {
      this.report.emptyRows++;
      return null;
    }
    cells.length = end;
    const max = this.options.maxCellChars;
    for (let i = 0; i < end; i++) {
      const text = cells[i]!;
      if (text.length > max) {
        cells[i] = cutAt(text, max);
        if (this.report.longCells.length < MAX_LONG_CELLS) this.report.longCells.push({ rowNumber, column: i + 1 });
      }
    }
    this.count();
    return { rowNumber, cells };
  }

  /** A row that could not be read: its reason, and the cells of its line as written when they are known. */
  unreadable(rowNumber: number, reason: string, cells: string[] = []): TableRow {
    this.count();
    return { rowNumber, cells, unreadable: reason };
  }

  private count() {
    if (++this.rows > this.options.maxRows) {
      throw new ReadRefusal(`文件超过 ${this.options.maxRows.toLocaleString("en-US")} 行，请拆分后分批导入`);
    }
  }
}

// Never leave half of a surrogate pair (emoji, rare CJK extension characters) at the cut.
function cutAt(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
