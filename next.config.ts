import type { NextConfig } from "next";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/auth/body-limit";
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // The libSQL client loads a native module; bundling it breaks at runtime.
  serverExternalPackages: ["@libsql/client", "libsql", "exceljs", "@node-rs/argon2", "@resvg/resvg-js"],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx.
    authInterrupts: true,
    // See lib/auth/body-limit.ts: larger posts are answered 413 in Chinese by the proxy.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
  },
  // Static files bypass the proxy; they get the same headers here (pages get a nonce CSP there).
  async headers() {
    return [{
      source: "/_next/static/:path*",
      headers: [...Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })), { key: "Content-Security-Policy", value: contentSecurityPolicy(null) }],
    }];
  },
};

export default nextConfig;
