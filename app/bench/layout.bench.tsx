import type { Metadata } from "next";
import type { ReactNode } from "react";

/**
 * Bench-only routes (npm run bench:canvas). They are reference pages for measurements, not product
 * pages: kept out of the navigation and out of search engines.
 */
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function BenchLayout({ children }: { children: ReactNode }) {
  return children;
}
