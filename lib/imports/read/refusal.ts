/** A file this module will not read, with a Chinese message that tells the uploader what to do. */
export class ReadRefusal extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ReadRefusal";
  }
}

export const CORRUPT_XLSX = "Excel 文件已损坏或不完整，无法读取。请用 Excel 或 WPS 打开确认内容无误后另存为 .xlsx，再重新上传";
