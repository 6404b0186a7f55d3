"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireRole } from "@/lib/auth/request";
import { saveNationalRank } from "@/lib/settings/national-rank";
import { write } from "@/lib/write";
import { formValues, stateOf, submissionKeyOf, type FormState } from "../_lib/form-state";

export async function saveNationalRankAction(previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireRole("office");
  const values = formValues(form, ["month", "rank", "totalCities", "score"]);
  const outcome = await write(getDb(), viewer, saveNationalRank, values, { submissionKey: submissionKeyOf(form) });
  if (outcome.ok) revalidatePath("/settings/national-rank");
  return stateOf(previous, outcome, "已保存，总览和通报即用此名次", values);
}
