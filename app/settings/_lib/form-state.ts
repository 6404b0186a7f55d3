import type { WriteOutcome } from "@/lib/write";

/** What a settings form's server action answers: a message, Chinese errors by field, and what was typed. */
export interface FormState {
  ok: boolean;
  message: string | null;
  errors: Record<string, string>;
  /** The submitted values (never passwords), so a refused form shows what was typed. */
  values: Record<string, string>;
  /** Bumped on every answer: the form's fields remount with `values` as their defaults. */
  seq: number;
}

export const INITIAL_FORM_STATE: FormState = { ok: false, message: null, errors: {}, values: {}, seq: 0 };

/** The form's fields as strings (files and repeated names ignored). */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    if (typeof v === "string") values[name] = v;
  }
  return values;
}

export function submissionKeyOf(form: FormData): string | null {
  const key = form.get("submissionKey");
  return typeof key === "string" && key.length > 0 ? key : null;
}

/** A write's outcome as the form's next state. */
export function stateOf(previous: FormState, outcome: WriteOutcome<unknown>, success: string, values: Record<string, string>): FormState {
  const seq = previous.seq + 1;
  if (outcome.ok) return { ok: true, message: outcome.repeated ? `${success}（重复提交，未再次执行）` : success, errors: {}, values: {}, seq };
  return { ok: false, message: outcome.message, errors: outcome.fieldErrors, values, seq };
}
