export { buildWorkbook, type ColumnFormat, type ColumnSpec, type SheetSpec, type WorkbookMeta } from "./xlsx";
export { drilldownSheet, inferFormat } from "./drilldown-sheet";
export { contentDisposition, xlsxResponse, XLSX_CONTENT_TYPE } from "./response";
export { sanitizeSheetName, uniqueSheetNames } from "./sheet-names";
export { docxResponse, DOCX_CONTENT_TYPE } from "./docx-response";
export { zipResponse, ZIP_CONTENT_TYPE } from "./zip-response";
