import "server-only";
import { getDb } from "@/db";
import { write, type WriteAction, type WriteOutcome, type z } from "@/lib/write";
import { getViewer } from "./request";

/**
 * What a server action calls: the viewer of this request, then the write path. A signed-out caller
 * gets a refusal, not a redirect, so a form shows why.
 */
export async function writeAsViewer<S extends z.ZodType, R>(action: WriteAction<S, R>, raw: unknown, submissionKey?: unknown): Promise<WriteOutcome<R>> {
  const viewer = await getViewer();
  if (!viewer) return { ok: false, status: 401, message: "登录已过期，请重新登录后再提交", fieldErrors: {} };
  return write(getDb(), viewer, action, raw, { submissionKey: typeof submissionKey === "string" ? submissionKey : null });
}
