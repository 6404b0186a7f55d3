export { normalizeUscc, NORMALIZATION_CHANGE_LABELS } from "./normalize";
export type { NormalizationChange, NormalizedUscc } from "./normalize";
export { orgCodeCheckChar, usccCheckChar, usccCharValue, isUsccCharset, USCC_ALPHABET } from "./checksum";
export { validateUscc, describeAuthority, describeBodyKind, USCC_FAILURE_LABELS, USCC_LENGTH } from "./validate";
export type { UsccFailure, UsccIssue, UsccResult } from "./validate";
export { buildUscc, randomOrgBody } from "./generate";
export { USCC_AUTHORITIES, NATIONAL_DIVISION, divisionProblem } from "./tables";
export type { UsccAuthority, DivisionProblem } from "./tables";
