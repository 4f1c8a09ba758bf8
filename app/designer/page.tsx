import type { Metadata } from "next";
import { DesignerStart } from "./_components/designer-start";

export const metadata: Metadata = { title: "Designer" };

export default function DesignerPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Designer</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Design a pipeline on a canvas: start from a template, a blank pipeline or an existing document. Drafts are kept in
        this browser only.
      </p>
      <DesignerStart />
    </div>
  );
}
