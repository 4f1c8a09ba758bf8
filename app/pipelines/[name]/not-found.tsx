import Link from "next/link";

/** A pipeline that does not exist (any more): say so, and lead back to the list. */
export default function PipelineNotFound() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Pipeline not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        There is no pipeline by this name in this region: it may have been deleted or renamed.
      </p>
      <Link href="/pipelines" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
        Back to the pipelines
      </Link>
    </div>
  );
}
