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
  deadline: string | null;
}

export interface Provision {
  section: string;
  number: string;
  title: string;
}

export interface WorkPlan {
  year: number | null;
  title: string | null;
  tasks: Task[];
  provisions: Provision[];
  notes: string[];
}

export interface ReadOptions {
  year?: number;
}

/** A paragraph after normalisation, with the source lines it came from. */
export interface Paragraph {
  text: string;
  raw: string[];
}
