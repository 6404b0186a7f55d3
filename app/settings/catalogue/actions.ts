"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { saveCatalogueVersion } from "@/lib/indicators/catalogue-versions";
import { recomputeFrom } from "@/lib/indicators/compute/recompute-months";
import { write } from "@/lib/write";
import { stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

/** Saves the form as a new catalogue version, then recomputes the months it applies to so the pages show it. */
export async function saveCatalogueAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const codes = form.getAll("code").filter((c): c is string => typeof c === "string");
  const field = (name: string, code: string) => String(form.get(`${name}.${code}`) ?? "");
  const values: Record<string, string> = { effectiveFrom: String(form.get("effectiveFrom") ?? ""), note: String(form.get("note") ?? "") };
  for (const code of codes) for (const name of ["target", "redLine", "zeroPoint", "weight", "owners"]) values[`${name}.${code}`] = field(name, code);
  for (const code of codes) values[`inComposite.${code}`] = form.get(`inComposite.${code}`) === "on" ? "on" : "";
  const input = {
    effectiveFrom: values.effectiveFrom, note: values.note,
    entries: codes.map((code) => ({
      indicatorCode: code, target: field("target", code), redLine: field("redLine", code), zeroPoint: field("zeroPoint", code),
      weight: field("weight", code), owners: field("owners", code), inComposite: values[`inComposite.${code}`] === "on",
    })),
  };
  const db = getDb();
  const outcome = await write(db, viewer, saveCatalogueVersion, input, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return stateOf(previous, outcome, "", values);
  const recomputed = await recomputeFrom(db, outcome.value.effectiveFrom);
  revalidatePath("/", "layout");
  const said = recomputed.length > 0 ? `已保存并重新计算${recomputed[0]}至${recomputed.at(-1)}` : `已保存，${outcome.value.effectiveFrom}的数据计算时起用`;
  return stateOf(previous, outcome, said, {});
}
