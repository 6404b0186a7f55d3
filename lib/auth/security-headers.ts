import type { ServerResponse } from "node:http";

/**
 * Security headers on every response. Scripts run only from this site or with the request's nonce
 * (Next.js marks its inline bootstrap scripts with it); ECharts draws into canvas and SVG and sets
 * styles through the CSSOM, which `style-src 'self' 'unsafe-inline'` allows.
 */
export function contentSecurityPolicy(nonce: string | null, dev = process.env.NODE_ENV !== "production"): string {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export function applySecurityHeaders(headers: Headers, nonce: string | null): void {
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
}

/** A short Chinese answer in plain text, with the security headers every response carries (for the server's own answers). */
export function answerPlainText(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  for (const [name, value] of Object.entries({ ...STATIC_SECURITY_HEADERS, ...headers })) res.setHeader(name, value);
  res.setHeader("content-security-policy", contentSecurityPolicy(null));
  res.end(message);
}
