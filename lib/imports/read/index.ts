export { detectEncoding, type TextEncodingName } from "./encoding";
export { sniffFileKind, type FileKind } from "./kind";
export { readTable, ReadRefusal, type ReadOptions, type ReadReport, type TableRow, type TableSource } from "./table";
