import Link from "next/link";
import type { ReactNode } from "react";
import { pipelinePath } from "@/lib/domain/execution/urls";
import type { PipelineKey } from "@/lib/queries";

/** The pipeline pages' heading and their links: state, history, settings, and the designer. */
export function PipelineHeader({ pipeline, current, subtitle, actions }: {
  pipeline: PipelineKey;
  current: "state" | "history";
  subtitle?: ReactNode;
  /** Controls beside the links (e.g. "Edit in designer", which opens the live pipeline as a draft). */
  actions?: ReactNode;
}) {
  const link = (href: string, label: string, here: boolean, prefetch?: false) => (
    <Link href={href} prefetch={prefetch} aria-current={here ? "page" : undefined} className={`rounded-md px-3 py-1.5 text-sm font-medium ${here ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800"}`}>
      {label}
    </Link>
  );
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <p className="text-sm"><Link href="/pipelines" className="text-indigo-700 underline dark:text-indigo-300">Pipelines</Link></p>
        <h1 data-testid="pipeline-name" className="mt-1 break-all text-2xl font-semibold tracking-tight">{pipeline.name}</h1>
        {subtitle && <div className="mt-1 text-sm text-slate-600 dark:text-slate-400">{subtitle}</div>}
      </div>
      <nav aria-label="Pipeline" className="flex flex-wrap items-center gap-1">
        {link(pipelinePath(pipeline), "State", current === "state")}
        {link(pipelinePath(pipeline, "/executions"), "History", current === "history")}
        {link(pipelinePath(pipeline, "/settings"), "Settings", false, false)}
        {actions}
      </nav>
    </div>
  );
}
