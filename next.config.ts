import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The libSQL client loads a native module; bundling it breaks at runtime.
  serverExternalPackages: ["@libsql/client", "libsql", "exceljs"],
  poweredByHeader: false,
};

export default nextConfig;
