import type { Metadata } from "next";
import { BareFlow } from "./_components/bare-flow";

export const metadata: Metadata = {
  title: "Bench: bare React Flow",
  robots: { index: false, follow: false },
};

/**
 * The baseline for npm run bench:canvas: plain React Flow with as many default nodes as the designer
 * shows at the quotas' maximum (50 stages × 10 actions), so the bench can report the designer's cost
 * as a ratio to React Flow itself. `?nodes=` changes the count; `?chrome=1` adds the background,
 * controls and minimap the designer also draws (to tell their cost from the designer's own).
 */
export default async function BareBenchPage({ searchParams }: { searchParams: Promise<{ nodes?: string; chrome?: string }> }) {
  const { nodes, chrome } = await searchParams;
  const count = Number.parseInt(nodes ?? "", 10);
  return (
    <BareFlow columns={50} count={Number.isFinite(count) && count > 0 ? Math.min(count, 5000) : 500} chrome={chrome === "1"} />
  );
}
