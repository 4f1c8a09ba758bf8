import type { Metadata } from "next";
import { PipelineChecker } from "./_components/pipeline-checker";

export const metadata: Metadata = { title: "Check a pipeline" };

export default function CheckPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Check a pipeline</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        Paste or open a pipeline in any form — declaration JSON, <code>get-pipeline</code> output, CLI input or a
        CloudFormation template. It is checked in your browser as you type; nothing is uploaded.
      </p>
      <PipelineChecker />
    </div>
  );
}
