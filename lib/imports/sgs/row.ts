import type { NewSgsRecord } from "@/db/schema";
import type { SgsKind, SubjectKind } from "@/db/schema/enums";
import type { SgsRuleInput } from "@/lib/sgs";
import { num, str, type FieldValues } from "../fields";

/** 行政相对人类别 as files write it; anything else is kept as written so its rule reports it. */
export function subjectKindOf(text: string | null): SubjectKind | string | null {
  if (!text) return null;
  if (/自然人/.test(text)) return "natural_person";
  if (/个体/.test(text)) return "individual_business";
  if (/法人|组织|单位|企业/.test(text)) return "legal_person";
  return text;
}

export type SgsRow = SgsRuleInput & { kind: SgsKind };

/** A 双公示 row's fields as the record the field rules check. */
export function sgsRecordOf(kind: SgsKind, fields: FieldValues): SgsRow {
  const license = kind === "license";
  return {
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
    licenseType: license ? str(fields.licenseType) : null,
    licenseContent: license ? str(fields.licenseContent) : null,
    validFrom: license ? str(fields.validFrom) : null,
    validTo: license ? str(fields.validTo) : null,
    violationType: license ? null : str(fields.violationType),
    violationFacts: license ? null : str(fields.violationFacts),
    legalBasis: license ? null : str(fields.legalBasis),
    penaltyKind: license ? null : str(fields.penaltyKind),
    penaltyContent: license ? null : str(fields.penaltyContent),
    fineAmountWan: license ? null : num(fields.fineAmountWan),
  };
}

/** Where a record is stored and what the engine found in it, beside what the file said. */
export interface SgsPlacementFacts {
  departmentId: number; districtId: number; townId: number | null; entityId: number | null;
  failedRules: string; workingDaysLate: number | null; importBatchId: number;
}

/**
 * The row stored for a read record, written out field by field: an import builds hundreds of thousands of them, and
 * a literal of one shape costs a fraction of spreading a record into a new object.
 */
export function storedSgsRecord(r: SgsRow, at: SgsPlacementFacts): NewSgsRecord {
  return {
    kind: r.kind, subjectName: r.subjectName, subjectKind: r.subjectKind as SubjectKind | null, subjectCode: r.subjectCode,
    legalRepresentative: r.legalRepresentative, idType: r.idType, idNumber: r.idNumber, docNumber: r.docNumber,
    decisionDate: r.decisionDate, reportedDate: r.reportedDate!, authorityName: r.authorityName, authorityCode: r.authorityCode,
    licenseType: r.licenseType, licenseContent: r.licenseContent, validFrom: r.validFrom, validTo: r.validTo,
    violationType: r.violationType, violationFacts: r.violationFacts, legalBasis: r.legalBasis, penaltyKind: r.penaltyKind,
    penaltyContent: r.penaltyContent, fineAmountWan: r.fineAmountWan,
    departmentId: at.departmentId, districtId: at.districtId, townId: at.townId, entityId: at.entityId,
    failedRules: at.failedRules, workingDaysLate: at.workingDaysLate, importBatchId: at.importBatchId,
  };
}

/**
 * The deciding authority as a key: what its name says without the additions files append to it (a
 * bracketed remark, a trailing date), so one authority written two ways is still one.
 */
export function authorityKey(name: string | null | undefined, code: string | null | undefined): string {
  const cleaned = name ? cleanedAuthorityName(name) : "";
  return cleaned || (code ?? "").toUpperCase();
}

// A department's file names the same few authorities on every row: each name is cleaned once.
const cleanedNames = new Map<string, string>();
function cleanedAuthorityName(name: string): string {
  let cleaned = cleanedNames.get(name);
  if (cleaned === undefined) {
    cleaned = name.normalize("NFKC").replace(/\(.*?\)|（.*?）/g, "").replace(/\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?.*$/, "").replace(/\s/g, "");
    if (cleanedNames.size >= 10_000) cleanedNames.clear();
    cleanedNames.set(name, cleaned);
  }
  return cleaned;
}
