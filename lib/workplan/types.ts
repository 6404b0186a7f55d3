export type TargetOp = ">=" | ">" | "<=" | "<" | "=";
export type TargetUnit = "%" | "‱" | "亿元" | "万元" | "个" | "家" | "件" | "次";

export interface Target {
  /** Catalogue code (lib/indicators/catalogue.ts) the target speaks of, or null. */
  indicator: string | null;
  op: TargetOp;
  value: number;
  unit: TargetUnit | null;
  /** The clause the target was read from (simplified). */
  text: string;
}

/**
 * How a task's deadline was set: a date the plan states ("10月底前"), a recurring duty ("每季度") or a
 * standing one ("长期坚持", "常态化开展") — both dated the plan year's end but never late by that date —
 * or none stated, so the plan year's end by default (默认).
 */
export type DeadlineKind = "date" | "recurring" | "standing" | "default";

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = { date: "文件规定", recurring: "周期性", standing: "长期", default: "默认" };

/** What a screen says beside the date: 默认, 每季度, 长期：常态化; nothing for a date the plan states. */
export function deadlineKindNote(kind: DeadlineKind, text: string | null): string | null {
  if (kind === "date") return null;
  if (kind === "default") return "默认";
  if (kind === "recurring") return text ?? "周期性";
  return text ? `长期：${text}` : "长期";
}

export interface Task {
  /** Nearest enclosing heading as written, e.g. "(一)加强社会信用规范化建设"; "" at top level. */
  section: string;
  /** "1", "(1)", "①", "(一)" or "一". */
  number: string;
  title: string;
  text: string;
  originalText: string;
  leadUnits: string[];
  /** Responsible / co-operating units, apart from the lead units. */
  units: string[];
  targets: Target[];
  /** The plan year's end when the plan states no date (or the year is unknown: then null). */
  deadline: string | null;
  deadlineKind: DeadlineKind;
  /** The words the deadline was read from ("2023年10月底前", "每季度", "长期坚持"); null for a default one. */
  deadlineText: string | null;
}

export interface Provision {
  section: string;
  number: string;
  title: string;
}

export interface WorkPlan {
  year: number | null;
  /** Where the year came from: the title, the issuing date line, a page stamp, the caller, or assumed. */
  yearSource?: "title" | "date" | "stamp" | "option" | "fallback" | null;
  title: string | null;
  tasks: Task[];
  provisions: Provision[];
  notes: string[];
}

export interface ReadOptions {
  year?: number;
  /** The year to assume when the document names none (e.g. the current year); `year` still wins. */
  fallbackYear?: number;
}

/** A paragraph after normalisation, with the source lines it came from. */
export interface Paragraph {
  text: string;
  raw: string[];
}
