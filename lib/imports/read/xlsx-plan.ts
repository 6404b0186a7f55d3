import { ReadRefusal } from "./refusal";
import type { ReadReport } from "./types";
import type { FormatKind } from "./values";
import {
  parseDateStyles,
  parseRelationships,
  parseWorkbook,
  relationshipOfType,
  type Relationship,
  type SheetInfo,
} from "./workbook";
import { readEntryText, type ZipIndex } from "./zip";

export const RESAVE = "请用 Excel 或 WPS 打开后另存为 .xlsx 再上传";
const XLSB = "这是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再上传";

export interface Plan {
  sheet: SheetInfo;
  date1904: boolean;
  dateKinds: (FormatKind | undefined)[];
  sharedStrings?: string;
}

/** What to read, from the package's small parts; sets the sheet names in the report, refuses a missing sheet. */
export async function planRead(
  { zip, entries }: ZipIndex,
  wantedSheet: string | undefined,
  report: ReadReport,
): Promise<Plan> {
  const text = async (path: string) => {
    const entry = entries.get(path.toLowerCase());
    return entry ? readEntryText(zip, entry) : undefined;
  };
  const rootRels = await text("_rels/.rels");
  const bookPath =
    (rootRels && relationshipOfType(parseRelationships(rootRels, ""), "officeDocument")?.path) ?? "xl/workbook.xml";
  if (/\.bin$/i.test(bookPath) || entries.has("xl/workbook.bin")) throw new ReadRefusal(XLSB);
  const bookXml = await text(bookPath);
  // A .docx or .pptx has the same package layout: its main part is just not a workbook.
  if (bookXml === undefined || !/<(?:[\w.-]+:)?workbook[\s>]/.test(bookXml)) {
    throw new ReadRefusal(notWorkbook(entries));
  }
  const relsPath = bookPath.replace(/[^/]*$/, (file) => `_rels/${file}.rels`);
  const rels: Map<string, Relationship> = parseRelationships((await text(relsPath)) ?? "", bookPath);
  const book = parseWorkbook(bookXml, rels);
  if (book.prefixed) throw new ReadRefusal(`这个 Excel 文件由其他软件生成，格式特殊，无法直接读取。${RESAVE}`);

  report.sheets = book.sheets.map((s) => s.name);
  const sheet = pickSheet(book.sheets, wantedSheet);
  report.sheet = sheet.name;

  const stylesPath = relationshipOfType(rels, "styles")?.path;
  const stylesXml = stylesPath ? await text(stylesPath) : undefined;
  return {
    sheet,
    date1904: book.date1904,
    dateKinds: stylesXml ? parseDateStyles(stylesXml) : [],
    sharedStrings: relationshipOfType(rels, "sharedStrings")?.path,
  };
}

const quoted = (names: string[]) => names.map((n) => `「${n}」`).join("、");

function pickSheet(sheets: SheetInfo[], wanted: string | undefined): SheetInfo {
  if (sheets.length === 0) throw new ReadRefusal("这个 Excel 文件里没有可以读取的工作表（只有图表或为空）。请检查文件后重新上传");
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0]!;
  const exact = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim() === wanted.trim());
  if (exact) return exact;
  throw new ReadRefusal(
    `文件中没有名为「${wanted}」的工作表。现有工作表：${quoted(sheets.map((s) => s.name))}。请选择其中之一，或把数据放到名为「${wanted}」的工作表后重新上传`,
  );
}

function notWorkbook(entries: Map<string, unknown>): string {
  if (entries.has("content.xml") && entries.has("mimetype")) {
    return "这是 OpenDocument 表格（.ods），无法读取。请另存为 .xlsx 或 CSV（UTF-8）后再上传";
  }
  if (entries.has("word/document.xml")) return "这是 Word 文档，不是表格。请上传 Excel（.xlsx）或 CSV 文件";
  return "这个压缩文件不是 Excel（.xlsx）文件，无法读取。请上传 Excel（.xlsx）或 CSV 文件";
}
