/**
 * npm run bench:sync — the sync model at the quotas' maximum (50 stages, 500 actions):
 *   - the semantic diff of a draft with 50 scattered designer edits against the live pipeline;
 *   - the three-way merge (diffs, conflict detection, resolve) of that draft with a live pipeline
 *     that got 50 other scattered edits meanwhile;
 *   - the median round trip of a push through the server action (GetPipeline, the stale-version
 *     check, in-flight lookup, validation, UpdatePipeline, GetPipeline) against a local emulator.
 * Goal: diff and merge p95 < 5 ms. Prints the figures, with the allocation, CPU time and garbage
 * collections behind them, then one JSON line for machines.
 */
import { availableParallelism, loadavg } from "node:os";
import { pushPipeline } from "../app/designer/actions";
import { applyCommandStrict } from "../lib/domain/designer/commands";
import type { DesignerCommand, DesignerDocument, JsonObject } from "../lib/domain/designer/contract";
import { documentFromDeclaration } from "../lib/domain/designer/document";
import { diffDeclarations } from "../lib/domain/sync/diff";
import { mergeDeclarations, resolveMerge } from "../lib/domain/sync/merge";
import { buildLargePipeline } from "../lib/domain/validation/testing/large-pipeline";
import { startTestEmulator } from "../lib/emulator/testing/start-test-emulator";
import { CreatePipelineCommand, ListPipelineExecutionsCommand, StopPipelineExecutionCommand, type PipelineDeclaration } from "@aws-sdk/client-codepipeline";
import { allocatedPerRun, collectionsDuring, type Collections } from "./support/memory";
import { percentile, sampleTimes } from "./support/stats";

const STAGES = 50;
const ACTIONS_PER_STAGE = 10;
const EDITS = 50;
const WARMUP = 50;
const ITERATIONS = 500;
const PUSHES = 15;

/** mulberry32: the same edits on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 50 designer edits on random stages: configuration, names, moves between groups and stages, additions, removals. */
function scatteredEdits(start: DesignerDocument, seed: number): DesignerDocument {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  let doc = start;
  for (let k = 0; k < EDITS; k++) {
    const s = 1 + Math.floor(next() * (doc.stageIds.length - 1)); // the Source stage stays as it is
    const stageId = doc.stageIds[s]!;
    const actionId = pick(doc.actionIds[s]!);
    const kind = k % 7;
    const command: DesignerCommand =
      kind === 0 || kind === 1
        ? { type: "updateAction", actionId, patch: { configuration: { ProjectName: `edited-${seed}-${k}` } } }
        : kind === 2
          ? { type: "renameAction", actionId, name: `Renamed-${seed}-${k}` }
          : kind === 3
            ? { type: "moveAction", actionId, target: { stageId, kind: "join", group: 0 } }
            : kind === 4
              ? { type: "moveAction", actionId, target: { stageId: doc.stageIds[1 + ((s + 1) % (doc.stageIds.length - 1))]!, kind: "insert", position: 9 } }
              : kind === 5
                ? { type: "updateAction", actionId, patch: { timeoutInMinutes: 30 + k } }
                : { type: "updateStage", stageId, patch: { onFailure: { result: "RETRY", retryConfiguration: { retryMode: "FAILED_ACTIONS" } } } };
    doc = applyCommandStrict(doc, command).document;
  }
  return doc;
}



const round = (n: number) => Math.round(n * 1000) / 1000;

// --- diff and merge ------------------------------------------------------------------------------

const base = JSON.parse(JSON.stringify(buildLargePipeline({ stages: STAGES, actionsPerStage: ACTIONS_PER_STAGE }))) as JsonObject;
const start = documentFromDeclaration(base);
const mine = scatteredEdits(start, 1).declaration;
const theirs = scatteredEdits(start, 2).declaration;

const diff = diffDeclarations(base, mine);
const merge = mergeDeclarations(base, theirs, mine);

interface Series {
  readonly samples: number[];
  /** CPU time of the process per run (garbage collection threads included). */
  readonly cpuMs: number;
  readonly collections: Collections;
  readonly allocatedBytes: number;
}

/** Timed runs after an untimed warm-up, with what they cost besides wall-clock time. */
async function series(run: () => unknown): Promise<Series> {
  sampleTimes(run, WARMUP, 0);
  let samples: number[] = [];
  const cpu = process.cpuUsage();
  const collections = await collectionsDuring(() => (samples = sampleTimes(run, 0, ITERATIONS)));
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / ITERATIONS;
  return { samples, cpuMs, collections, allocatedBytes: await allocatedPerRun(run, 50) };
}

function costs(s: Series): string {
  const c = s.collections;
  const scavenges = c.minor === 0 ? "no scavenge" : `${c.minor} scavenges (${round(c.minorMs / c.minor)} ms each)`;
  return `${round(s.allocatedBytes / 1024)} KB allocated and ${round(s.cpuMs)} ms of CPU per run; ${scavenges} and ${c.major} full collections in the ${ITERATIONS} timed runs`;
}

const diffSeries = await series(() => diffDeclarations(base, mine));
const mergeSeries = await series(() => resolveMerge(mergeDeclarations(base, theirs, mine)));
const diffSamples = diffSeries.samples;
const mergeSamples = mergeSeries.samples;
console.log(`${STAGES} stages × ${ACTIONS_PER_STAGE} actions, ${EDITS} edits per side: the draft's diff has ${diff.changes.length} changes; the merge ${merge.agreed.length} agreed changes and ${merge.conflicts.length} conflicts`);
console.log(`diff  p50 ${round(percentile(diffSamples, 50))} ms, p95 ${round(percentile(diffSamples, 95))} ms (${ITERATIONS} runs)`);
console.log(`merge p50 ${round(percentile(mergeSamples, 50))} ms, p95 ${round(percentile(mergeSamples, 95))} ms (diffs, conflicts and resolve)`);
// Figures the machine's load does not move (CPU time moves a little: shared caches): what drives the tail.
console.log(`diff  costs: ${costs(diffSeries)}`);
console.log(`merge costs: ${costs(mergeSeries)}`);

// --- push round trip -----------------------------------------------------------------------------

async function pushRoundTrips(): Promise<number[]> {
  const emu = await startTestEmulator({ timeScale: 100 });
  process.env.CODEPIPELINE_ENDPOINT_URL = emu.url;
  try {
    const name = String(base.name);
    await emu.client.send(new CreatePipelineCommand({ pipeline: base as unknown as PipelineDeclaration }));
    // Creating a pipeline starts an execution; stop it so the pushes measure the push alone.
    const running = await emu.client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    for (const e of running.pipelineExecutionSummaries ?? []) {
      if (e.status === "InProgress") await emu.client.send(new StopPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: e.pipelineExecutionId, abandon: true }));
    }
    let version = 1;
    const samples: number[] = [];
    for (let i = 0; i < PUSHES; i++) {
      const draft = structuredClone(base) as JsonObject & { stages: JsonObject[] };
      const action = (draft.stages[1 + (i % (STAGES - 1))]!.actions as JsonObject[])[0]!;
      action.configuration = { ...(action.configuration as JsonObject), ProjectName: `push-${i}` };
      const t = performance.now();
      const result = await pushPipeline({ declaration: draft, base: { name, region: "us-east-1", version } });
      samples.push(performance.now() - t);
      if (result.status !== "pushed") throw new Error(`push ${i} did not go through: ${JSON.stringify(result).slice(0, 500)}`);
      version = result.version;
    }
    return samples.sort((a, b) => a - b);
  } finally {
    await emu.close();
  }
}

const pushSamples = await pushRoundTrips();
const pushMs = round(percentile(pushSamples, 50));
console.log(`push round trip through the server action against the emulator: median ${pushMs} ms (${PUSHES} pushes of the ${STAGES * ACTIONS_PER_STAGE}-action pipeline)`);
const diffP95 = round(percentile(diffSamples, 95));
const mergeP95 = round(percentile(mergeSamples, 95));
console.log(`goal p95 < 5 ms: diff ${diffP95 < 5 ? "met" : "MISSED"}, merge ${mergeP95 < 5 ? "met" : "MISSED"}`);
// Wall-clock percentiles are only as steady as the machine: say how busy it was.
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min); fastest diff ${round(diffSamples[0]!)} ms, fastest merge ${round(mergeSamples[0]!)} ms`);
console.log(
  JSON.stringify({
    bench: "sync",
    stages: STAGES,
    actions: STAGES * ACTIONS_PER_STAGE,
    edits: EDITS,
    diff_p50_ms: round(percentile(diffSamples, 50)),
    diff_p95_ms: diffP95,
    merge_p50_ms: round(percentile(mergeSamples, 50)),
    merge_p95_ms: mergeP95,
    push_ms: pushMs,
  }),
);
