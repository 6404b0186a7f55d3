"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { saveCatalogueVersion } from "@/lib/indicators/catalogue-versions";
import { recomputeFrom, recomputeMonths } from "@/lib/indicators/compute/recompute-months";
import { addEnteredIndicator, saveEnteredValues } from "@/lib/indicators/entered";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

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

const INDICATOR_FIELDS = ["name", "category", "formula", "unit", "direction", "target", "redLine", "zeroPoint", "weight", "owners", "effectiveFrom"] as const;

/** Adds an entered indicator; the months it applies to are recomputed so it shows (without values) at once. */
export async function addEnteredIndicatorAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values: Record<string, string> = { ...formValues(form, INDICATOR_FIELDS), inComposite: form.get("inComposite") === "on" ? "on" : "off" };
  const db = getDb();
  const outcome = await write(db, viewer, addEnteredIndicator, { ...values, inComposite: form.get("inComposite") === "on" }, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return stateOf(previous, outcome, "", values);
  await recomputeFrom(db, outcome.value.effectiveFrom);
  revalidatePath("/", "layout");
  return stateOf(previous, outcome, `已新增“${values.name}”，自${outcome.value.effectiveFrom}起执行。请在下方“填报数值”中录入各单位的数值`, {});
}

/** Saves one month's entered values, then recomputes that month so rankings, warnings and 督办 follow. */
export async function saveEnteredValuesAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const indicatorCode = String(form.get("indicatorCode") ?? "");
  const month = String(form.get("month") ?? "");
  const unitIds = form.getAll("unit").map(String);
  const values: Record<string, string> = {};
  for (const id of unitIds) values[`value.${id}`] = String(form.get(`value.${id}`) ?? "");
  const db = getDb();
  const outcome = await write(db, viewer, saveEnteredValues, {
    indicatorCode, month, values: unitIds.map((id) => ({ orgUnitId: id, value: values[`value.${id}`] })),
  }, { submissionKey: submissionKeyOf(form) });
  if (!outcome.ok) return stateOf(previous, outcome, "", values);
  const recomputed = await recomputeMonths(db, [month]);
  revalidatePath("/", "layout");
  const { saved, cleared } = outcome.value;
  return stateOf(previous, outcome, `已保存${saved}个、清除${cleared}个数值${recomputed.length > 0 ? `，${month}已重新计算` : "（该月不在监测期内，暂不计分）"}`, {});
}
