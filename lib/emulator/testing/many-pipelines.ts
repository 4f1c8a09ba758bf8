/**
 * A large account for list tests and benchmarks: `count` pipelines created through the AWS API
 * (so the emulator stores and runs them exactly as it would any user's), with names to search, a
 * mix of types and execution modes, and latest executions that end in three different ways:
 *
 * | index % 6 | latest execution | how |
 * | --- | --- | --- |
 * | 1 | Failed | a V2 pipeline variable without a default, referenced by the build: the run that CreatePipeline starts cannot resolve it |
 * | 3 | InProgress | a manual approval stage that nobody answers |
 * | other | Succeeded | source → build |
 *
 * Seeding speeds simulated time up and waits until every run has reached that state, then puts
 * the time scale back and zeroes the request counter, so a test counts only its own calls.
 */
import {
  CreatePipelineCommand,
  ListPipelineExecutionsCommand,
  type CodePipelineClient,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import type { ControlCall } from "./control-client";
import { samplePipeline } from "./pipelines";

export type SeededOutcome = "Succeeded" | "Failed" | "InProgress";

export interface SeededPipeline {
  readonly name: string;
  readonly pipelineType: "V1" | "V2";
  readonly executionMode: "SUPERSEDED" | "QUEUED" | "PARALLEL";
  readonly outcome: SeededOutcome;
}

const TEAMS = ["payments", "orders", "search", "identity", "billing", "catalog", "shipping", "analytics", "mobile", "platform"];
const PARTS = ["api", "web", "worker", "infra", "etl", "gateway"];
const MODES = ["SUPERSEDED", "QUEUED", "PARALLEL"] as const;

/** The i-th pipeline of the set (0-based): the same name, type, mode and outcome on every run. */
export function manyPipelineSpec(i: number): SeededPipeline {
  const name = `${TEAMS[i % TEAMS.length]}-${PARTS[Math.floor(i / TEAMS.length) % PARTS.length]}-${String(i).padStart(3, "0")}`;
  const outcome: SeededOutcome = i % 6 === 1 ? "Failed" : i % 6 === 3 ? "InProgress" : "Succeeded";
  // Failing runs need a pipeline variable, which only V2 has.
  const pipelineType = i % 5 === 0 && outcome !== "Failed" ? "V1" : "V2";
  const executionMode = pipelineType === "V1" ? "SUPERSEDED" : MODES[i % MODES.length]!;
  return { name, pipelineType, executionMode, outcome };
}

function declarationOf(spec: SeededPipeline): PipelineDeclaration {
  const declaration = samplePipeline(spec.name);
  declaration.pipelineType = spec.pipelineType;
  declaration.executionMode = spec.executionMode;
  // samplePipeline ends with a manual approval; only the waiting ones keep it.
  if (spec.outcome !== "InProgress") declaration.stages = declaration.stages!.slice(0, 2);
  if (spec.outcome === "Failed") {
    declaration.variables = [{ name: "Target", description: "set at release time; the creation run has none" }];
    declaration.stages![1]!.actions![0]!.configuration = { ProjectName: `${spec.name}-#{variables.Target}` };
  }
  return declaration;
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < items.length; at += size) await Promise.all(items.slice(at, at + size).map(run));
}

async function latestStatus(client: CodePipelineClient, name: string): Promise<string | undefined> {
  const page = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name, maxResults: 1 }));
  return page.pipelineExecutionSummaries?.[0]?.status;
}

export interface SeedManyOptions {
  readonly count: number;
  /** The time scale to restore afterwards (the emulator's own setting). */
  readonly timeScale: number;
  /** Give up waiting for the runs after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/** Creates the pipelines (the emulator should be empty: reset it first) and waits for their runs. */
export async function seedManyPipelines(client: CodePipelineClient, control: ControlCall, options: SeedManyOptions): Promise<SeededPipeline[]> {
  const specs = Array.from({ length: options.count }, (_, i) => manyPipelineSpec(i));
  // Fast enough that builds finish in tens of milliseconds, slow enough that the 7-day approval
  // timeout stays minutes away.
  await control("/time-scale", { timeScale: 2_000 });
  try {
    await inBatches(specs, 8, (spec) => client.send(new CreatePipelineCommand({ pipeline: declarationOf(spec) })));
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    let pending = specs;
    while (pending.length > 0) {
      if (Date.now() > deadline) throw new Error(`${pending.length} seeded pipelines did not reach their outcome (first: ${pending[0]!.name}).`);
      const still: SeededPipeline[] = [];
      await inBatches(pending, 16, async (spec) => {
        if ((await latestStatus(client, spec.name)) !== spec.outcome) still.push(spec);
      });
      pending = still;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await control("/time-scale", { timeScale: options.timeScale });
  }
  await control("/requests/reset");
  return specs;
}
