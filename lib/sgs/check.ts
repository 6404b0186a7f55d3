import { validateUscc } from "@/lib/uscc";
import type { SgsRuleInput } from "./input";
import type { SgsRuleCode } from "./rules";
import { isBlank, isCalendarDate } from "./values";

// One string the 处罚类别 field may combine with others ("警告;罚款", "没收违法所得、罚款").
const FINE = "罚款";

/** The value itself, or null when it is missing or blank. Never allocates. */
function text(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value as string);
}

/**
 * A code passes only exactly as reported: validateUscc forgives stray spaces, full-width
 * characters and lower case, but the 双公示 record is published with the raw string.
 */
function usccAsReported(code: string): boolean {
  const result = validateUscc(code);
  return result.valid && result.changes.length === 0;
}

// Deciding authorities are a few hundred codes repeated over millions of records, so their
// verdicts are memoised; subject codes are nearly all distinct and are not.
const authorityVerdicts = new Map<string, boolean>();
const AUTHORITY_CACHE_LIMIT = 4096;

function authorityCodeOk(code: string): boolean {
  const known = authorityVerdicts.get(code);
  if (known !== undefined) return known;
  const ok = usccAsReported(code);
  if (authorityVerdicts.size >= AUTHORITY_CACHE_LIMIT) authorityVerdicts.clear();
  authorityVerdicts.set(code, ok);
  return ok;
}

/** The date if it is a valid YYYY-MM-DD; otherwise records why not and returns null. */
function date(
  value: string | null | undefined, failed: SgsRuleCode[], missing: SgsRuleCode, invalid: SgsRuleCode,
): string | null {
  const s = text(value);
  if (s === null) failed.push(missing);
  else if (isCalendarDate(s)) return s;
  else failed.push(invalid);
  return null;
}

function positiveAmount(value: number | null | undefined): boolean {
  return typeof value === "number" && value > 0 && value < Infinity;
}

/**
 * The rules a record fails, in catalogue (SGS_RULES) order; empty means compliant.
 * `today` is China's current date (YYYY-MM-DD): decisions dated after it are errors.
 * The checks below are written in catalogue order; the tests hold them to it.
 */
export function checkSgsRecord(record: SgsRuleInput, today: string): SgsRuleCode[] {
  if (!isCalendarDate(today)) throw new RangeError(`checkSgsRecord: today must be YYYY-MM-DD, got "${today}"`);
  const failed: SgsRuleCode[] = [];
  const { kind, subjectKind } = record;
  const license = kind === "license";
  const penalty = kind === "penalty";

  if (isBlank(record.subjectName)) failed.push("SUBJECT_NAME_MISSING");

  const registered = subjectKind === "legal_person" || subjectKind === "individual_business";
  const natural = subjectKind === "natural_person";
  if (!registered && !natural) failed.push("SUBJECT_KIND_INVALID");
  const subjectCode = text(record.subjectCode);
  let subjectCodeOk: boolean | null = null;
  if (registered) {
    if (subjectCode === null) failed.push("SUBJECT_CODE_MISSING");
    else {
      subjectCodeOk = usccAsReported(subjectCode);
      if (!subjectCodeOk) failed.push("SUBJECT_CODE_INVALID");
    }
  }
  if (natural && subjectCode !== null) failed.push("NATURAL_PERSON_HAS_CODE");
  if (subjectKind === "legal_person" && isBlank(record.legalRepresentative)) failed.push("LEGAL_REP_MISSING");
  if (natural && isBlank(record.idType)) failed.push("NATURAL_PERSON_ID_TYPE_MISSING");
  if (natural && isBlank(record.idNumber)) failed.push("NATURAL_PERSON_ID_MISSING");

  if (isBlank(record.docNumber)) failed.push("DOC_NUMBER_MISSING");

  if (license) {
    if (isBlank(record.licenseType)) failed.push("LICENSE_TYPE_MISSING");
    if (isBlank(record.licenseContent)) failed.push("LICENSE_CONTENT_MISSING");
  }

  if (penalty) {
    if (isBlank(record.violationType)) failed.push("VIOLATION_TYPE_MISSING");
    if (isBlank(record.violationFacts)) failed.push("VIOLATION_FACTS_MISSING");
    if (isBlank(record.legalBasis)) failed.push("LEGAL_BASIS_MISSING");
    const penaltyKind = text(record.penaltyKind);
    if (penaltyKind === null) failed.push("PENALTY_KIND_MISSING");
    if (isBlank(record.penaltyContent)) failed.push("PENALTY_CONTENT_MISSING");
    if (penaltyKind !== null && penaltyKind.includes(FINE) && !positiveAmount(record.fineAmountWan)) {
      failed.push("FINE_AMOUNT_MISSING");
    }
  }

  // Valid YYYY-MM-DD strings order as dates, so they are compared as strings.
  const decision = date(record.decisionDate, failed, "DECISION_DATE_MISSING", "DECISION_DATE_INVALID");
  if (decision !== null) {
    // An unusable reported date is the loader's problem, not a 双公示 field error.
    const reported = record.reportedDate;
    if (reported != null && isCalendarDate(reported) && decision > reported) failed.push("DECISION_AFTER_REPORT");
    if (decision > today) failed.push("DECISION_IN_FUTURE");
  }

  if (license) {
    const from = date(record.validFrom, failed, "VALIDITY_START_MISSING", "VALIDITY_START_INVALID");
    const to = date(record.validTo, failed, "VALIDITY_END_MISSING", "VALIDITY_END_INVALID");
    if (from !== null && to !== null && to < from) failed.push("VALIDITY_END_BEFORE_START");
  }

  if (isBlank(record.authorityName)) failed.push("AUTHORITY_NAME_MISSING");
  const authorityCode = text(record.authorityCode);
  if (authorityCode === null) failed.push("AUTHORITY_CODE_MISSING");
  else {
    // validateUscc runs at most once per code per record: reuse the subject's verdict for the same string.
    const ok = subjectCodeOk !== null && authorityCode === subjectCode ? subjectCodeOk : authorityCodeOk(authorityCode);
    if (!ok) failed.push("AUTHORITY_CODE_INVALID");
  }
  return failed;
}
