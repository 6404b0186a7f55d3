import { departmentAliases, departments } from "@/db/schema";
import { canonicalKey, canonicalKeys, GROUP_NAME } from "@/lib/departments/canonical";
import type { Tx } from "@/lib/write";

export interface SourceDepartment { id: number; name: string }

/**
 * Units that send other departments' records on their behalf — the credit office, the public credit information
 * centre, the data bureau running the exchange platform — so their name says nothing about whose records they are.
 */
const FORWARDING_UNIT = /信用办|社会信用|公共信用|信用信息|信用中心|大数据|数据局|数据资源|数据管理|政务服务|共享交换|人民政府|政府办/;

const tidy = (name: string) => name.normalize("NFKC").replace(/\s/g, "");

/**
 * The department a 双公示 row's 数据来源单位 names, when the name identifies exactly one: an alias the office
 * keeps for it, or the one department of the name's family (区市场监督管理局 is 市场监管). Null for a unit that
 * forwards others' records, a group, several families, or a name that matches no single department: then the
 * batch's own department stands, as before.
 */
export async function loadSourceDepartments(tx: Tx): Promise<(writtenAs: string | null) => SourceDepartment | null> {
  const [list, aliases] = await Promise.all([
    tx.select({ id: departments.id, name: departments.name, shortName: departments.shortName }).from(departments),
    tx.select().from(departmentAliases),
  ]);
  const byId = new Map(list.map((d) => [d.id, { id: d.id, name: d.name }]));
  const byAlias = new Map<string, number[]>();
  for (const a of [...aliases, ...list.map((d) => ({ alias: d.name, departmentId: d.id }))]) {
    const key = tidy(a.alias);
    byAlias.set(key, [...new Set([...(byAlias.get(key) ?? []), a.departmentId])]);
  }
  const resolved = new Map<string, SourceDepartment | null>();
  const resolve = (name: string): SourceDepartment | null => {
    const exact = byAlias.get(name);
    if (exact) return exact.length === 1 ? byId.get(exact[0]!) ?? null : null;
    if (FORWARDING_UNIT.test(name) || GROUP_NAME.test(name)) return null;
    const keys = canonicalKeys(name);
    if (keys.length !== 1) return null;
    const family = list.filter((d) => canonicalKey(d.name) === keys[0] || canonicalKey(d.shortName) === keys[0]);
    return family.length === 1 ? byId.get(family[0]!.id) ?? null : null;
  };
  return (writtenAs) => {
    if (!writtenAs) return null;
    const name = tidy(writtenAs);
    if (!resolved.has(name)) resolved.set(name, resolve(name));
    return resolved.get(name)!;
  };
}
