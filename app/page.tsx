import Link from "next/link";
import { ACTION_PROVIDERS, RULE_PROVIDERS } from "@/lib/domain/catalog/catalog";
import { RULES } from "@/lib/domain/validation";

export default function OverviewPage() {
  const codeCount = new Set(RULES.flatMap((r) => r.codes)).size;
  return (
    <div className="mx-auto max-w-6xl px-4 py-12">
      <section className="max-w-3xl">
        <h1 className="text-4xl font-semibold tracking-tight">Design, ship and watch AWS CodePipeline pipelines.</h1>
        <p className="mt-4 text-lg text-slate-600 dark:text-slate-400">
          Draw stages and actions on a canvas, and Pipewright checks the pipeline the way CodePipeline does — before AWS rejects it, and before it fails at
          run time. Paste a pipeline in any form you have: the declaration JSON, <code>get-pipeline</code> output,
          CLI input, or a CloudFormation template.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link
            href="/designer"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            Design a pipeline
          </Link>
          <Link
            href="/check"
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            Check a pipeline
          </Link>
          <Link
            href="/rules"
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900"
          >
            Browse the rules
          </Link>
        </div>
      </section>

      <dl className="mt-14 grid gap-4 sm:grid-cols-3" aria-label="What Pipewright knows">
        <Stat label="Validation rules" value={RULES.length} detail={`${codeCount} distinct diagnostic codes`} />
        <Stat label="Action providers" value={ACTION_PROVIDERS.length} detail="artifact bounds and configuration keys" />
        <Stat label="Condition rule types" value={RULE_PROVIDERS.length} detail="for V2 stage conditions" />
      </dl>

      <section className="mt-14 rounded-lg border border-slate-200 p-6 dark:border-slate-800">
        <h2 className="text-lg font-semibold">From the command line</h2>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          The same rules engine runs in CI: validate every pipeline in a repository, or convert between forms.
        </p>
        <pre className="mt-4 overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-sm text-slate-100">
          {`npx pipewright validate pipelines/*.json --region eu-west-1
npx pipewright convert template.yaml --to cli-input > pipeline.json`}
        </pre>
      </section>
    </div>
  );
}

function Stat({ label, value, detail }: { label: string; value: number; detail: string }) {
  return (
    <div className="rounded-lg border border-slate-200 p-5 dark:border-slate-800">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tabular-nums">{value}</dd>
      <dd className="mt-1 text-xs text-slate-500">{detail}</dd>
    </div>
  );
}
