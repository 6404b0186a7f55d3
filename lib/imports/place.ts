import { orgUnits, type Department } from "@/db/schema";
import { rawTransaction, type Tx } from "@/lib/write";

/** Where a record counts: its district (and town) and the registered body it is about. */
export interface Placement { districtId: number; townId: number | null; entityId: number | null }

export interface CityUnits {
  districtByCode: Map<string, number>;
  districts: { id: number; name: string }[];
}

export async function loadCityUnits(tx: Tx): Promise<CityUnits> {
  const rows = await tx.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, level: orgUnits.level }).from(orgUnits);
  const districts = rows.filter((u) => u.level === "district");
  // Longest names first, so 城关区 is not found inside a longer district name that contains it.
  return { districtByCode: new Map(districts.map((d) => [d.code, d.id])), districts: districts.map((d) => ({ id: d.id, name: d.name })).sort((a, b) => b.name.length - a.name.length) };
}

/**
 * The registered bodies of these codes, by code (the first registered where a code is shared). Each 500 codes go
 * as one JSON text read by `json_each`: one short statement instead of 500 bound arguments, for an import's
 * hundreds of thousands of rows.
 */
export async function bodiesByCode(tx: Tx, codes: readonly string[]): Promise<Map<string, Placement>> {
  const out = new Map<string, Placement>();
  const unique = [...new Set(codes)];
  const raw = rawTransaction(tx);
  for (let i = 0; i < unique.length; i += 500) {
    const result = await raw.execute({
      sql: "SELECT id, uscc, district_id, town_id FROM entities WHERE uscc IN (SELECT value FROM json_each(?)) ORDER BY id",
      args: [JSON.stringify(unique.slice(i, i + 500))],
    });
    for (const r of result.rows) {
      const uscc = r[1] as string;
      if (!out.has(uscc)) out.set(uscc, { districtId: Number(r[2]), townId: r[3] === null ? null : Number(r[3]), entityId: Number(r[0]) });
    }
  }
  return out;
}

/**
 * The district a record counts for (../shared/domain/sgs-exchange-format.md): the body's district in the
 * register; else the division in characters 3–8 of its code (or a person's identity card number) when that is one
 * of the city's districts;
 * else the district named in the deciding authority's name; else the sending department's own district.
 */
export function placeRecord(
  record: { subjectCode?: string | null; idNumber?: string | null; authorityName?: string | null },
  bodies: Map<string, Placement>, units: CityUnits, department: Pick<Department, "orgUnitId">,
): Placement | null {
  const code = record.subjectCode ?? "";
  const body = bodies.get(code);
  if (body) return body;
  // A code's characters 3–8, or the first six digits of a person's identity card, name a division.
  const division = /^[0-9A-Z]{2}(\d{6})/.exec(code)?.[1] ?? /^(\d{6})[\dX*]{12}$/i.exec(record.idNumber ?? "")?.[1];
  const byDivision = division ? units.districtByCode.get(division) : undefined;
  if (byDivision) return { districtId: byDivision, townId: null, entityId: null };
  const authority = record.authorityName ?? "";
  const named = units.districts.find((d) => authority.includes(d.name));
  if (named) return { districtId: named.id, townId: null, entityId: null };
  const own = department.orgUnitId !== null ? units.districts.find((d) => d.id === department.orgUnitId) : undefined;
  return own ? { districtId: own.id, townId: null, entityId: null } : null;
}
