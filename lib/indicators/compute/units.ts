import type { OrgUnit } from "@/db/schema";

/** Dense indices for the org units, and each record's chain: its town (if any), its district, the city. */
export class UnitIndex {
  readonly units: OrgUnit[];
  private readonly indexById = new Map<number, number>();
  private readonly chains = new Map<string, number[]>();
  private readonly cityIndex: number;

  constructor(orgUnits: OrgUnit[]) {
    this.units = [...orgUnits].sort((a, b) => levelRank(a) - levelRank(b) || a.sortOrder - b.sortOrder || a.id - b.id);
    this.units.forEach((u, i) => this.indexById.set(u.id, i));
    this.cityIndex = this.units.findIndex((u) => u.level === "city");
  }

  get size(): number {
    return this.units.length;
  }

  indexOf(id: number): number | undefined {
    return this.indexById.get(id);
  }

  /** The chain of a raw SQL row's `district_id` and `town_id` columns (NULL or absent: none). */
  chainOfRow(row: Record<string, unknown>): number[] {
    return this.chain(idOrNull(row.district_id), idOrNull(row.town_id));
  }

  /** The units a record located in this district (and town) counts in, memoised: it is called per row. */
  chain(districtId: number | null, townId: number | null): number[] {
    const key = `${districtId}|${townId}`;
    let chain = this.chains.get(key);
    if (!chain) {
      chain = [];
      const town = townId === null ? undefined : this.indexById.get(townId);
      const districtFromTown = town === undefined ? undefined : this.units[town]?.parentId ?? undefined;
      const district = this.indexById.get(districtId ?? districtFromTown ?? -1);
      if (town !== undefined) chain.push(town);
      if (district !== undefined) chain.push(district);
      if (this.cityIndex >= 0) chain.push(this.cityIndex);
      this.chains.set(key, chain);
    }
    return chain;
  }

  /** For data attached to any org unit (e.g. decision counts): that unit and its ancestors. */
  chainOfUnit(orgUnitId: number): number[] {
    const unit = this.units[this.indexById.get(orgUnitId) ?? -1];
    if (!unit) return [];
    if (unit.level === "town") return this.chain(unit.parentId, unit.id);
    if (unit.level === "district") return this.chain(unit.id, null);
    return this.cityIndex >= 0 ? [this.cityIndex] : [];
  }
}

function levelRank(unit: OrgUnit): number {
  return unit.level === "city" ? 0 : unit.level === "district" ? 1 : 2;
}

function idOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A count or index from a raw SQL row (NULL counts as 0). */
export const num = (value: unknown): number => Number(value ?? 0);
