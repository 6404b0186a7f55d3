// Enumerations shared by the tables and by zod schemas at the boundaries.
export const ORG_LEVELS = ["city", "district", "town"] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

// 行政区 (administrative division) or 功能区 (高新区, 经开区): cities rank both side by side.
export const DISTRICT_KINDS = ["administrative", "functional"] as const;

export const ENTITY_KINDS = ["enterprise", "individual_business", "public_body", "social_org"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const EXIT_KINDS = ["deregistered", "revoked"] as const;

export const SGS_KINDS = ["license", "penalty"] as const;
export type SgsKind = (typeof SGS_KINDS)[number];

export const SUBJECT_KINDS = ["legal_person", "natural_person", "individual_business"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const TAX_GRADES = ["A", "B", "M", "C", "D"] as const;

export const DEBTOR_KINDS = ["government", "public_institution", "state_owned_enterprise"] as const;

export const INDICATOR_DIRECTIONS = ["higher", "lower"] as const;
export const INDICATOR_UNITS = ["percent", "per_ten_thousand", "count"] as const;
// Where an indicator's values come from: computed from the raw records, or entered by the office per unit and month
// (things no record measures: 信用承诺 coverage, 信用网站 upkeep, 典型案例 reported).
export const INDICATOR_SOURCES = ["records", "entered"] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
