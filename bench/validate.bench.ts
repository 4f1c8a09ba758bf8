/**
 * npm run bench:validate — how long one full validation takes at the quotas' maximum
 * (50 stages / 500 actions) and for a wide 10 × 50 pipeline, against the cost of a
 * JSON deep copy of the same document measured in the same run.
 * Prints the figures, then one JSON line for machines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLargePipeline } from "../lib/domain/validation/testing/large-pipeline";
import { validate } from "../lib/domain/validation";

const CASES = [
  { stages: 50, actionsPerStage: 10 },
  { stages: 10, actionsPerStage: 50 },
];
const WARMUP = 300;
const ITERATIONS = 3000;
const CONTEXT = { region: "us-east-1" };

function measure(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples = new Array<number>(ITERATIONS);
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    fn();
    samples[i] = performance.now() - start;
  }
  return samples.sort((a, b) => a - b);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

const results = CASES.map(({ stages, actionsPerStage }) => {
  const doc = buildLargePipeline({ stages, actionsPerStage });
  const actions = stages * actionsPerStage;
  const diagnostics = validate(doc, CONTEXT);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const validation = measure(() => validate(doc, CONTEXT));
  const json = measure(() => JSON.parse(JSON.stringify(doc)));
  const row = {
    stages,
    actions,
    p50_ms: round(percentile(validation, 50)),
    p95_ms: round(percentile(validation, 95)),
    json_p50_ms: round(percentile(json, 50)),
    json_p95_ms: round(percentile(json, 95)),
    ratio: round(percentile(validation, 50) / percentile(json, 50)),
  };
  console.log(
    `${stages} stages × ${actionsPerStage} actions (${actions} actions, ${diagnostics.length} findings, ${errors} errors): ` +
      `validate p50 ${row.p50_ms} ms, p95 ${row.p95_ms} ms | JSON copy p50 ${row.json_p50_ms} ms, p95 ${row.json_p95_ms} ms | ratio ${row.ratio}`,
  );
  return row;
});

const largest = results[0]!;
console.log(
  `target (largest case): p95 < 2 ms → ${largest.p95_ms < 2 ? "met" : "MISSED"}; ratio < 5 → ${largest.ratio < 5 ? "met" : "MISSED"}`,
);
/** The CLI over a folder of 1,000 ordinary pipelines (6 stages × 3 actions), start-up included. */
function measureFolder(files: number): { files: number; ms: number } {
  const dir = mkdtempSync(join(tmpdir(), "pipewright-bench-"));
  try {
    for (let i = 0; i < files; i++) {
      const doc = { ...buildLargePipeline({ stages: 6, actionsPerStage: 3 }), name: `pipeline-${i}` };
      writeFileSync(join(dir, `pipeline-${String(i).padStart(4, "0")}.json`), JSON.stringify(doc, null, 2));
    }
    const start = performance.now();
    const run = spawnSync(process.execPath, ["bin/pipewright.mjs", "validate", dir, "--format", "json", "--region", "us-east-1"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const ms = performance.now() - start;
    const lines = run.stdout.trim().split("\n").length;
    if (run.status !== 0 || lines !== files) throw new Error(`CLI run failed (exit ${run.status}, ${lines} lines): ${run.stderr}`);
    return { files, ms: Math.round(ms) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const folder = measureFolder(1000);
console.log(`pipewright validate on a folder of ${folder.files} pipelines: ${folder.ms} ms (one process, start-up included)`);
console.log(JSON.stringify({ bench: "validate", iterations: ITERATIONS, cases: results, cli_folder: folder }));
