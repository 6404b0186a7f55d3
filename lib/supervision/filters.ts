import { SUPERVISION_STATUSES, type SupervisionStatus } from "@/db/schema";
import type { ItemView } from "./queries";

export interface ItemFilters { department?: number; district?: number; indicator?: string; status?: SupervisionStatus; light?: "green" | "yellow" | "red" }

/** The 督办 list's filters from the URL; anything unknown is ignored rather than refused. */
export function parseItemFilters(q: Record<string, string | string[] | undefined>): ItemFilters {
  const one = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : undefined);
  const id = (k: string) => { const n = Number(one(k)); return Number.isSafeInteger(n) && n > 0 ? n : undefined; };
  const status = one("status");
  const light = one("light");
  return {
    department: id("department"), district: id("district"), indicator: one("indicator")?.slice(0, 60) || undefined,
    status: (SUPERVISION_STATUSES as readonly string[]).includes(status ?? "") ? (status as SupervisionStatus) : undefined,
    light: light === "green" || light === "yellow" || light === "red" ? light : undefined,
  };
}

export function filterItems(items: ItemView[], f: ItemFilters): ItemView[] {
  return items.filter((i) => (!f.department || i.departments.some((d) => d.id === f.department))
    && (!f.district || i.districtId === f.district) && (!f.indicator || i.indicatorCode === f.indicator)
    && (!f.status || i.status === f.status) && (!f.light || i.light === f.light));
}

/** Days from opening to closing, for closed items. */
export function daysToClose(item: Pick<ItemView, "createdAt" | "closedAt">): number | null {
  if (!item.closedAt) return null;
  return Math.max(0, Math.round((Date.parse(item.closedAt) - Date.parse(item.createdAt)) / 86_400_000));
}
