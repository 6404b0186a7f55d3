import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { PATH_HEADER } from "./path-header";
import { SESSION_COOKIE } from "./session-policy";
import { validateSession } from "./sessions";
import { viewerOfToken } from "./tokens";
import type { Viewer } from "./viewer";


/** The client's address: the nearest proxy's view of it (deploy behind one that sets X-Forwarded-For). */
export function clientAddress(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
  return (forwarded?.at(-1) ?? h.get("x-real-ip") ?? "").slice(0, 64);
}

/** Who is asking, once per request: the session cookie, or a department's API token. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const address = clientAddress(h);
  const bearer = h.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return viewerOfToken(getDb(), bearer, address);
  const token = jar.get(SESSION_COOKIE)?.value;
  return token ? validateSession(getDb(), token, address) : null;
});

/** The viewer, or the sign-in page for the signed-out. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get(PATH_HEADER);
  redirect(path && path !== "/" ? `/login?next=${encodeURIComponent(path)}` : "/login");
}

/** The viewer if their role is one of `roles`; otherwise the 403 page. */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!roles.includes(viewer.role)) forbidden();
  return viewer;
}

/** For a page: 403 unless the check passes. */
export function allowOr403(allowed: boolean): void {
  if (!allowed) forbidden();
}
