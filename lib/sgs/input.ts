import type { SgsKind, SubjectKind } from "@/db/schema/enums";

/**
 * The columns the field rules read. Everything is optional and nullable so a NewSgsRecord, an
 * SgsRecord or a half-parsed upload row can be checked as is.
 */
export interface SgsRuleInput {
  kind?: SgsKind | null;
  subjectName?: string | null;
  // Typed as the enum, but unknown strings from raw uploads are tolerated at run time.
  subjectKind?: SubjectKind | null;
  subjectCode?: string | null;
  legalRepresentative?: string | null;
  idType?: string | null;
  idNumber?: string | null;
  docNumber?: string | null;
  decisionDate?: string | null;
  reportedDate?: string | null;
  authorityName?: string | null;
  authorityCode?: string | null;
  licenseType?: string | null;
  licenseContent?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  violationType?: string | null;
  violationFacts?: string | null;
  legalBasis?: string | null;
  penaltyKind?: string | null;
  penaltyContent?: string | null;
  fineAmountWan?: number | null;
}
