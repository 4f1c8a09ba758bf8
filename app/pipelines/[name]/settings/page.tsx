import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PIPELINE_NAME } from "@/lib/domain/pipeline/patterns";
import { DeletePipelineForm } from "./_components/delete-pipeline-form";

export const metadata: Metadata = { title: "Pipeline settings" };

/** A pipeline's settings: for now, deleting it (with its name typed as confirmation). */
export default async function PipelineSettingsPage({ params }: PageProps<"/pipelines/[name]/settings">) {
  const name = decodeURIComponent((await params).name);
  if (name.length < PIPELINE_NAME.min || name.length > PIPELINE_NAME.max || !PIPELINE_NAME.pattern!.test(name)) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/pipelines" className="underline">
          Pipelines
        </Link>
        {" / "}
        <Link href={`/pipelines/${encodeURIComponent(name)}`} prefetch={false} className="underline">
          {name}
        </Link>
        {" / "}Settings
      </nav>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Settings of {name}</h1>
      <section aria-labelledby="delete-heading" className="mt-8 rounded-lg border border-red-200 p-4 dark:border-red-900">
        <h2 id="delete-heading" className="text-lg font-semibold text-red-800 dark:text-red-300">
          Delete this pipeline
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          DeletePipeline removes the pipeline and its execution history; executions in flight stop. It cannot be undone. Local drafts of it
          stay in your browser and can create it again.
        </p>
        <DeletePipelineForm name={name} />
      </section>
    </div>
  );
}
