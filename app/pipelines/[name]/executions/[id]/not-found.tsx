import Link from "next/link";

/** A pipeline or execution that does not exist (any more): say so and offer a way back. */
export default function ExecutionNotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 text-center" data-testid="execution-not-found">
      <h1 className="text-2xl font-semibold tracking-tight">Execution not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        This pipeline or execution does not exist, or no longer does: CodePipeline keeps an execution&apos;s history for 12 months, and deleting a pipeline deletes its history.
      </p>
      <p className="mt-6">
        <Link href="/pipelines" className="text-sky-800 underline dark:text-sky-300">
          Back to the pipelines
        </Link>
      </p>
    </div>
  );
}
