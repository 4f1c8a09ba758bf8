import type { ReactNode } from "react";
import { Providers } from "@/app/providers";

/** A pipeline's pages poll its state and executions through TanStack Query (lib/queries.ts). */
export default function PipelineLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
