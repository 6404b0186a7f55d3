import { and, eq, inArray } from "drizzle-orm";
import { entities, orgUnits } from "@/db/schema";
import type { ENTITY_KINDS } from "@/db/schema/enums";
import { validateUscc } from "@/lib/uscc";
import { noteProblems, problemReasons, rejectRow, type DatasetHandler } from "./batch";
import { touch } from "./by-code";
import { str } from "./fields";
import { BODIES_LAYOUT } from "./layouts/bodies";
import { loadCityUnits, type CityUnits } from "./place";

type EntityKind = (typeof ENTITY_KINDS)[number];

/** 主体类型 as registers write it, else what the code's registering authority (its first two characters) says. */
export function entityKindOf(text: string | null, code: string | null): EntityKind | null {
  if (text) {
    if (/个体/.test(text)) return "individual_business";
    if (/社会组织|社会团体|社团|基金会|民办非企业|民非/.test(text)) return "social_org";
    if (/机关|事业|政府|党政/.test(text)) return "public_body";
    if (/企业|公司|合作社|分支机构|合伙/.test(text)) return "enterprise";
  }
  const authority = code?.[0];
  if (authority === "9") return code?.[1] === "2" ? "individual_business" : "enterprise";
  if (authority === "1" || authority === "3") return "public_body";
  if (authority === "5") return "social_org";
  return null;
}

interface Towns { byName: Map<string, { id: number; districtId: number }>; byCode: Map<string, { id: number; districtId: number }> }

/**
 * The register: a body is its code and name (the same code under another name is another body — a shared
 * code the 重错码率 counts), or its name and founding date when it has no code. Codes are kept as registered.
 */
export const bodiesHandler = (): DatasetHandler => {
  let units: CityUnits | null = null;
  let towns: Towns | null = null;
  return {
    layout: BODIES_LAYOUT,
    storeChunk: async (ctx, rows) => {
      units ??= await loadCityUnits(ctx.tx);
      if (!towns) {
        const list = await ctx.tx.select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.level, "town"));
        towns = { byName: new Map(), byCode: new Map() };
        for (const t of list) {
          towns.byCode.set(t.code, { id: t.id, districtId: t.parentId! });
          towns.byName.set(t.name, { id: t.id, districtId: t.parentId! });
        }
      }
      // Bodies with a code are found by it (indexed); the few without one by name.
      const codes = [...new Set(rows.map((r) => str(r.fields.code)).filter((c): c is string => !!c))];
      const names = [...new Set(rows.filter((r) => !str(r.fields.code)).map((r) => str(r.fields.name)!))];
      const existing = new Map<string, typeof entities.$inferSelect>();
      const keyOf = (e: { uscc: string | null; name: string; registeredOn: string }) => (e.uscc ? `${e.uscc}|${e.name}` : `|${e.name}|${e.registeredOn}`);
      for (let i = 0; i < codes.length; i += 500) {
        for (const e of await ctx.tx.select().from(entities).where(inArray(entities.uscc, codes.slice(i, i + 500)))) existing.set(keyOf(e), e);
      }
      for (let i = 0; i < names.length; i += 500) {
        for (const e of await ctx.tx.select().from(entities).where(inArray(entities.name, names.slice(i, i + 500)))) if (!e.uscc) existing.set(keyOf(e), e);
      }
      // A body already held under the same name and founding date but another code (or none) is this body with
      // its code corrected: the register's correction replaces the wrong code instead of adding a second body.
      const unmatched = [...new Set(rows.filter((r) => str(r.fields.code) && !existing.has(`${str(r.fields.code)}|${str(r.fields.name)}`)).map((r) => str(r.fields.name)!))];
      const sameNameAndDate = new Map<string, (typeof entities.$inferSelect)[]>();
      for (let i = 0; i < unmatched.length; i += 500) {
        for (const e of await ctx.tx.select().from(entities).where(inArray(entities.name, unmatched.slice(i, i + 500)))) {
          const key = `${e.name}|${e.registeredOn}`;
          sameNameAndDate.set(key, [...(sameNameAndDate.get(key) ?? []), e]);
        }
      }
      const correctedBody = (next: { uscc: string | null; name: string; registeredOn: string }) => {
        const candidates = (sameNameAndDate.get(`${next.name}|${next.registeredOn}`) ?? []).filter((e) => e.uscc !== next.uscc);
        return next.uscc && candidates.length === 1 ? candidates[0]! : undefined;
      };
      for (const row of rows) {
        const code = str(row.fields.code);
        const kind = entityKindOf(str(row.fields.kind), code);
        if (!kind) {
          rejectRow(ctx, row.rowNumber, row.cells, "主体类型", `无法确定主体类型（“${str(row.fields.kind) ?? ""}”）：请填写企业、个体工商户、机关事业单位或社会组织`);
          continue;
        }
        const writtenDistrict = str(row.fields.district);
        const writtenTown = str(row.fields.town);
        const town = writtenTown ? towns.byCode.get(writtenTown) ?? towns.byName.get(writtenTown) ?? null : null;
        const division = /^[0-9A-Z]{2}(\d{6})/.exec(code ?? "")?.[1];
        const districtId = (writtenDistrict ? units.districtByCode.get(writtenDistrict) ?? units.districts.find((d) => d.name === writtenDistrict)?.id : undefined)
          ?? town?.districtId ?? (division ? units.districtByCode.get(division) : undefined);
        if (!districtId) {
          rejectRow(ctx, row.rowNumber, row.cells, "所属区县", writtenDistrict ? `“${writtenDistrict}”不是本市的区县` : "无法确定所属区县：请填写所属区县");
          continue;
        }
        const status = str(row.fields.status) ?? "";
        const exitedOn = str(row.fields.exitedOn);
        const exitKind = /吊销/.test(status) ? "revoked" as const : /注销/.test(status) || exitedOn ? "deregistered" as const : null;
        const next = {
          uscc: code, name: str(row.fields.name)!, kind, districtId, townId: town && town.districtId === districtId ? town.id : null,
          registeredOn: str(row.fields.registeredOn)!, exitedOn: exitKind ? exitedOn : null, exitKind: exitedOn ? exitKind : null,
          stateOwned: /^(是|国有|Y|yes|true|1)$/i.test(str(row.fields.stateOwned) ?? ""),
          usccFailures: code ? JSON.stringify(validateUscc(code).reasons.map((r) => r.reason)) : null,
        };
        if (next.exitedOn && next.exitedOn < next.registeredOn) {
          rejectRow(ctx, row.rowNumber, row.cells, "注销吊销日期", `注销吊销日期${next.exitedOn}早于成立日期${next.registeredOn}`);
          continue;
        }
        const noDate = exitKind && !exitedOn ? [`登记状态为“${status}”，但没有注销吊销日期：按存续计`] : [];
        const codeProblems = code && next.usccFailures !== "[]" ? validateUscc(code).reasons.map((r) => `统一社会信用代码：${r.message}`) : [];
        noteProblems(ctx, row, [...problemReasons(row), ...noDate, ...codeProblems]);
        const key = keyOf(next);
        let before = existing.get(key);
        const corrected = before ? undefined : correctedBody(next);
        if (corrected) {
          existing.delete(keyOf(corrected));
          existing.set(key, corrected);
          sameNameAndDate.delete(`${next.name}|${next.registeredOn}`);
          before = corrected;
        }
        if (!before) {
          ctx.inserter.add(entities, next);
          existing.set(key, { id: -1, ...next });
          ctx.counts.inserted++;
        } else if ((Object.keys(next) as (keyof typeof next)[]).every((k) => (before[k] ?? null) === (next[k] ?? null))) {
          ctx.counts.unchanged++;
          continue;
        } else {
          await ctx.inserter.flush();
          await ctx.tx.update(entities).set(next).where(before.id > 0 ? eq(entities.id, before.id)
            : and(eq(entities.name, next.name), eq(entities.registeredOn, next.registeredOn)));
          touch(ctx, before.registeredOn, before.exitedOn);
          Object.assign(before, next);
          ctx.counts.updated++;
        }
        touch(ctx, next.registeredOn, next.exitedOn);
      }
      await ctx.inserter.flush();
    },
  };
};
