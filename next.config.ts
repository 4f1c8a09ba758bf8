import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The AWS SDK v3 POSTs to `${endpoint}/`; without this Next answers 308 and the SDK fails.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // Twice the sync actions' 2 MB input limit (lib/domain/sync/inputs.ts), which the actions
    // enforce themselves with a clear result; proxy.ts answers 413 above this, where Next would 500.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

export default nextConfig;
