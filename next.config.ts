import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The AWS SDK v3 POSTs to `${endpoint}/`; without this Next answers 308 and the SDK fails.
  skipTrailingSlashRedirect: true,
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
};

export default nextConfig;
