/**
 * npm run bench:validate — how long one full validation takes at the quotas' maximum
 * (50 stages / 500 actions) and for a wide 10 × 50 pipeline, against the cost of a
 * JSON deep copy of the same document measured in the same run.
 * Prints the figures, then one JSON line for machines.
 */
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
console.log(JSON.stringify({ bench: "validate", iterations: ITERATIONS, cases: results }));
