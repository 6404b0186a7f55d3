import type { SgsKind, SubjectKind } from "@/db/schema/enums";
import type { SgsRuleInput } from "@/lib/sgs";
import type { HeaderMatch } from "../headers";
import type { ColumnSpec, Layout } from "../layouts/types";
import { parseAmountWan, parseCode, parseDate, parseText, type Parsed } from "../values";

export const LONG_TERM_END = "2099-12-31";

export interface CellProblem { column: string; reason: string }

/** A row read into record fields, or the reason it cannot be stored at all. */
export interface ReadSgsRow {
  record: SgsRuleInput & { kind: SgsKind };
  /** Set when the row cannot be stored: no document number, no usable decision date, an unreadable line. */
  rejected?: CellProblem;
  /** Cells that held something unusable; the row is still stored, its field rules decide what that costs. */
  problems: CellProblem[];
}

/** 行政相对人类别 as files write it; anything else is kept as written so its rule reports it. */
export function subjectKindOf(text: string | null): SubjectKind | string | null {
  if (!text) return null;
  if (/自然人/.test(text)) return "natural_person";
  if (/个体/.test(text)) return "individual_business";
  if (/法人|组织|单位|企业/.test(text)) return "legal_person";
  return text;
}

const LONG_TERM = /^(长期|永久|长期有效|无固定期限|无期限)$/;

function parseCell(column: ColumnSpec, raw: string): Parsed<string | number> {
  switch (column.kind) {
    case "text": return parseText(raw);
    case "code": return parseCode(raw);
    case "amountWan": return parseAmountWan(raw);
    case "date": return parseDate(raw);
    case "dateOrLongTerm": {
      const text = parseText(raw);
      if (text.value && LONG_TERM.test(text.value)) return { value: LONG_TERM_END };
      return parseDate(raw);
    }
  }
}

/**
 * Reads one row of a 双公示 file into the record's fields. A value that cannot be read is kept as written
 * where the record has a text column for it (an invalid 有效期自 stays so its rule reports it), and named
 * as a problem; only the natural key and the decision date decide whether the row can be stored.
 */
export function readSgsRow(kind: SgsKind, layout: Layout, match: HeaderMatch, header: readonly string[], cells: readonly string[]): ReadSgsRow {
  const fields: Record<string, string | number | null> = {};
  const problems: CellProblem[] = [];
  let rejected: CellProblem | undefined;
  for (const column of layout.columns) {
    const positions = match.positions.get(column.field);
    if (!positions) continue;
    const named = header[positions[0]!]?.trim() || column.header;
    const values: (string | number)[] = [];
    for (const p of positions) {
      const raw = cells[p] ?? "";
      const parsed = parseCell(column, raw);
      if (parsed.problem) {
        const at = header[p]?.trim() || column.header;
        if (column.field === "decisionDate") rejected ??= { column: at, reason: `${parsed.problem}，无法确定决定日期` };
        else problems.push({ column: at, reason: parsed.problem });
        // Text columns keep what was written, so the field rules see it and the record says it.
        if (column.kind !== "amountWan" && column.field !== "decisionDate" && column.field !== "reportedDate") {
          const text = parseText(raw).value;
          if (text) values.push(text);
        }
      } else if (parsed.value !== null) {
        values.push(parsed.value);
      }
    }
    if (values.length === 0) {
      fields[column.field] = null;
    } else if (column.joins) {
      fields[column.field] = [...new Set(values.map(String))].join(";");
    } else {
      fields[column.field] = values[0]!;
    }
    if (column.field === "docNumber" && fields.docNumber === null) rejected ??= { column: named, reason: `${column.header}为空，无法确定是哪一条记录` };
    if (column.field === "decisionDate" && fields.decisionDate === null && !rejected) rejected = { column: named, reason: `${column.header}为空` };
  }
  const record: ReadSgsRow["record"] = {
    kind,
    subjectName: str(fields.subjectName),
    subjectKind: subjectKindOf(str(fields.subjectKind)) as SubjectKind | null,
    subjectCode: str(fields.subjectCode),
    legalRepresentative: str(fields.legalRepresentative),
    idType: str(fields.idType),
    idNumber: str(fields.idNumber),
    docNumber: str(fields.docNumber),
    decisionDate: str(fields.decisionDate),
    reportedDate: str(fields.reportedDate),
    authorityName: str(fields.authorityName),
    authorityCode: str(fields.authorityCode),
    licenseType: kind === "license" ? str(fields.licenseType) : null,
    licenseContent: kind === "license" ? str(fields.licenseContent) : null,
    validFrom: kind === "license" ? str(fields.validFrom) : null,
    validTo: kind === "license" ? str(fields.validTo) : null,
    violationType: kind === "penalty" ? str(fields.violationType) : null,
    violationFacts: kind === "penalty" ? str(fields.violationFacts) : null,
    legalBasis: kind === "penalty" ? str(fields.legalBasis) : null,
    penaltyKind: kind === "penalty" ? str(fields.penaltyKind) : null,
    penaltyContent: kind === "penalty" ? str(fields.penaltyContent) : null,
    fineAmountWan: kind === "penalty" && typeof fields.fineAmountWan === "number" ? fields.fineAmountWan : null,
  };
  return { record, rejected, problems };
}

const str = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The deciding authority as a key: what its name says without the additions files append to it (a
 * bracketed remark, a trailing date), so one authority written two ways is still one.
 */
export function authorityKey(name: string | null | undefined, code: string | null | undefined): string {
  const cleaned = (name ?? "").normalize("NFKC").replace(/\(.*?\)|（.*?）/g, "").replace(/\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?.*$/, "").replace(/\s/g, "");
  return cleaned || (code ?? "").toUpperCase();
}
