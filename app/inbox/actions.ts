"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { inboxNotices } from "@/db/schema";
import { requireViewer } from "@/lib/auth/request";
import { bookkeeping } from "@/lib/write";

/** Marks all of one's own notices read: bookkeeping of one's inbox, not a change of the city's data. */
export async function markAllReadAction(): Promise<void> {
  const viewer = await requireViewer();
  if (!viewer.userId) return;
  await bookkeeping(getDb(), (tx) => tx.update(inboxNotices).set({ readAt: new Date().toISOString() })
    .where(and(eq(inboxNotices.userId, viewer.userId!), isNull(inboxNotices.readAt))));
  revalidatePath("/inbox");
}
