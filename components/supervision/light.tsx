import { LIGHT_LABELS, type Light } from "@/lib/supervision/deadline";

const COLORS = { green: "bg-green-600", yellow: "bg-amber-400", red: "bg-red-600" } as const;

/** The traffic light of an item, with its meaning in words beside the colour. */
export function LightBadge({ light }: { light: Light }) {
  if (!light) return <span className="text-slate-500">—</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${COLORS[light]}`} />
      {LIGHT_LABELS[light]}
    </span>
  );
}
