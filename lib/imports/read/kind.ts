export type FileKind = { kind: "xlsx" } | { kind: "csv" } | { refused: string };

const SAVE_AS = "请用 Excel 打开后另存为 .xlsx 或 CSV（UTF-8）再上传";

const startsWith = (head: Uint8Array, magic: readonly number[]) => magic.every((b, i) => head[i] === b);

// "EncryptedPackage" in UTF-16LE: a password-protected .xlsx is stored as an OLE file like an old .xls.
const ENCRYPTED_MARK = Buffer.from("EncryptedPackage", "utf16le");

/** Decides what a file is from its first bytes (at least 8 KB when the file is that long); the name is not trusted. */
export function sniffFileKind(head: Uint8Array, fileName: string): FileKind {
  if (head.length === 0) return { refused: "文件是空的，请检查后重新上传" };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { kind: "xlsx" };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    if (Buffer.from(head.buffer, head.byteOffset, head.length).includes(ENCRYPTED_MARK)) {
      return { refused: "这个 Excel 文件设置了打开密码，无法读取。请在 Excel 中取消密码后另存为 .xlsx 再上传" };
    }
    return { refused: "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后再上传" };
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return { refused: "PDF 文件无法导入，请上传 Excel（.xlsx）或 CSV 文件" };
  // UTF-16 text (Excel's "Unicode 文本") is full of NUL bytes, so its BOM must be checked before the binary test.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { kind: "csv" };
  if (head.subarray(0, 8192).includes(0)) return { refused: "文件不是表格（Excel .xlsx 或 CSV），无法读取" };
  const markup = markupKind(head);
  if (markup === "xml-spreadsheet") return { refused: `这是 Excel 2003 XML 格式的表格，无法直接读取。${SAVE_AS}` };
  if (markup === "xml") return { refused: "文件不是表格（Excel .xlsx 或 CSV），无法读取" };
  if (markup === "html") {
    const disguised = /\.xlsx?$/i.test(fileName) ? "，虽然扩展名是 Excel，但" : "，";
    return { refused: `这是网页（HTML）格式的表格${disguised}不是真正的 Excel 文件。${SAVE_AS}` };
  }
  return { kind: "csv" };
}

// Many systems export "Excel" as an HTML table named .xls; read as CSV it would be one column of tags.
function markupKind(head: Uint8Array): "html" | "xml-spreadsheet" | "xml" | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 4096)).toString("latin1");
  const start = text.replace(/^(\xef\xbb\xbf)?\s*/, "").slice(0, 16).toLowerCase();
  if (start.startsWith("<?xml")) {
    if (/urn:schemas-microsoft-com:office:spreadsheet|<workbook/i.test(text)) return "xml-spreadsheet";
    return /<html/i.test(text) ? "html" : "xml";
  }
  return /^<(!doctype html|html|head|body|meta|table|style)\b/.test(start) ? "html" : null;
}
