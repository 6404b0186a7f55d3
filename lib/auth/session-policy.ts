/** How long a session lives: it ends after this long unused, and in any case this long after sign-in. */
export const SESSION_IDLE_MS = minutesFromEnv("SESSION_IDLE_MINUTES", 60) * 60_000;
export const SESSION_ABSOLUTE_MS = minutesFromEnv("SESSION_ABSOLUTE_MINUTES", 12 * 60) * 60_000;
/** last_seen_at is written at most this often, so reading a page does not write on every request. */
export const SESSION_TOUCH_MS = Math.min(60_000, SESSION_IDLE_MS / 4);
export const SESSION_COOKIE = "xyjc_session";

function minutesFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
