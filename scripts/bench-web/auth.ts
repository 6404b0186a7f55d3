// Signing in as the benchmark's viewers: the real sign-in handler, one session per call.
export const SESSION_COOKIE = "xyjc_session";

/**
 * POST /auth/sign-in with the form fields, as a non-browser client (no text/html Accept), so a failure is a
 * plain status rather than a redirect to the sign-in page. Returns the `Cookie` header value of the new session.
 */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/auth/sign-in`, {
    method: "POST", redirect: "manual", signal: AbortSignal.timeout(60_000),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const text = await res.text();
  if (res.status !== 303) throw new Error(`登录失败 sign-in as ${username} → HTTP ${res.status}: ${text.slice(0, 200)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie || cookie === `${SESSION_COOKIE}=`) throw new Error(`登录未返回会话 sign-in as ${username} set no ${SESSION_COOKIE} cookie`);
  return cookie;
}

/** `n` distinct sessions of one account, signed in one after another (each is an argon2 verification). */
export async function signInMany(base: string, username: string, password: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) cookies.push(await signIn(base, username, password));
  if (new Set(cookies).size !== n) throw new Error(`${username}: ${n} 次登录得到的会话有重复 sessions are not distinct`);
  return cookies;
}
