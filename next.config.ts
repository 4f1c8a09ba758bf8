import type { NextConfig } from "next";

const PAGE_EXTENSIONS = ["tsx", "ts", "jsx", "js"];

/**
 * Server actions run only when the request's Origin is the host it was sent to (Next's CSRF check,
 * https://nextjs.org/docs/app/api-reference/config/next-config-js/serverActions#allowedorigins).
 * Behind a proxy or load balancer that rewrites the host, name the public host(s) here, explicitly:
 * PIPEWRIGHT_ALLOWED_ORIGINS=pipewright.example.com (comma-separated, at build and start).
 */
const ALLOWED_ORIGINS = (process.env.PIPEWRIGHT_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter((origin) => origin !== "");

const nextConfig: NextConfig = {
  // The bench's reference pages (app/bench, `page.bench.tsx`) are routes only in the build
  // `npm run bench:canvas` makes (PIPEWRIGHT_BENCH_PAGES=1), never in a normal production build.
  pageExtensions: process.env.PIPEWRIGHT_BENCH_PAGES === "1" ? ["bench.tsx", ...PAGE_EXTENSIONS] : PAGE_EXTENSIONS,
  // The AWS SDK v3 POSTs to `${endpoint}/`; without this Next answers 308 and the SDK fails.
  skipTrailingSlashRedirect: true,
  // proxy.ts must see the navigation headers (Next-Router-State-Tree) to refuse a malformed one
  // with 400; by default Next hides them from the proxy and then fails rendering with 500.
  skipProxyUrlNormalize: true,
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  experimental: {
    // Twice the sync actions' 2 MB input limit (lib/domain/sync/inputs.ts), which the actions
    // enforce themselves with a clear result; proxy.ts answers 413 above this, where Next would 500.
    serverActions: { bodySizeLimit: "4mb", allowedOrigins: ALLOWED_ORIGINS },
  },
};

export default nextConfig;
