"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/request";
import { markAllRead } from "@/lib/supervision/inbox";

export async function markAllReadAction(): Promise<void> {
  const viewer = await requireViewer();
  if (!viewer.userId) return;
  await markAllRead(getDb(), viewer.userId);
  revalidatePath("/inbox");
}
