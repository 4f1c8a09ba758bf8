import Link from "next/link";
import type { ReactNode } from "react";

/** A shared link that exists but cannot be shown: said in words, with a way on. */
export function SnapshotProblem({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-12" role="alert" data-testid="snapshot-error">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</p>
      <Link href="/designer" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
        Go to the designer
      </Link>
    </div>
  );
}
