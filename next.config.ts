import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy } from "./lib/auth/security-headers";

const nextConfig: NextConfig = {
  // The libSQL client loads a native module; bundling it breaks at runtime.
  serverExternalPackages: ["@libsql/client", "libsql", "exceljs", "@node-rs/argon2"],
  poweredByHeader: false,
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx.
    authInterrupts: true,
    // A work-plan file may be 2 MB (the reader's own limit, with its Chinese message); the form adds
    // its text and fields, so actions accept up to 5 MB and the reader says what is too large.
    serverActions: { bodySizeLimit: "5mb" },
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
