"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

let browserClient: QueryClient | undefined;

function makeClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: false } } });
}

/**
 * TanStack Query for the parts of the app that poll. Mounted only where they are (the pipeline
 * pages' layout, the dashboard's live wall and metrics), so pages that do not poll do not load
 * TanStack Query at all. One QueryClient per browser session, shared by every provider and kept
 * across navigations; a new one per server render, never shared between requests
 * (https://tanstack.com/query/latest/docs/framework/react/guides/advanced-ssr).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => (typeof window === "undefined" ? makeClient() : (browserClient ??= makeClient())));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
