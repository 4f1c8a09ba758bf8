import Link from "next/link";

export function PipelinesEmpty() {
  return (
    <div data-testid="pipelines-empty" className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <p className="font-medium">No pipelines yet</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        This backend has no pipelines in this region. Create one with{" "}
        <code className="font-mono">aws codepipeline create-pipeline</code>, or check a definition first on the{" "}
        <Link href="/check" className="text-indigo-700 underline dark:text-indigo-300">
          Check a pipeline
        </Link>{" "}
        page.
      </p>
    </div>
  );
}
