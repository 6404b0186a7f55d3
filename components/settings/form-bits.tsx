import type { FormState } from "@/app/settings/_lib/form-state";

export const INPUT = "rounded border border-slate-300 px-2 py-1";
export const BUTTON = "rounded bg-blue-700 px-3 py-1.5 text-sm text-white hover:bg-blue-800 disabled:opacity-50";

export function FieldError({ message }: { message?: string }) {
  return message ? <span role="alert" className="text-xs text-red-700">{message}</span> : null;
}

/**
 * The form's outcome: green on success; in red a refusal no field shows (a field's own error
 * already stands beside it).
 */
export function FormOutcome({ state, fields }: { state: FormState; fields: readonly string[] }) {
  if (state.ok && state.message) return <span role="status" className="text-sm text-green-700">{state.message}</span>;
  if (!state.message) return null;
  const shownBesideField = fields.some((f) => state.errors[f]);
  return shownBesideField ? null : <span role="alert" className="text-sm text-red-700">{state.message}</span>;
}

export interface Option {
  id: number;
  name: string;
}

/** A labelled select with an empty first choice ("请选择" or "全部") and its field error beside it. */
export function SelectField({ label, name, value, options, empty = "请选择", required, error, className = INPUT, onChange }: {
  label: string;
  name: string;
  value: string | number | null | undefined;
  options: { value: string | number; label: string }[];
  empty?: string;
  required?: boolean;
  error?: string;
  className?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1">{label}
      <select name={name} defaultValue={value ?? ""} required={required} className={className} onChange={onChange && ((e) => onChange(e.target.value))}>
        <option value="">{empty}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldError message={error} />
    </label>
  );
}
