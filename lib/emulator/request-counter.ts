/**
 * Counts the AWS calls the emulator receives, so tests and benchmarks can prove how many upstream
 * calls the app makes (say: ten people opening the pipelines list cost one ListPipelineExecutions
 * per pipeline, not ten). Every call that reaches the AWS surface counts, throttled ones included:
 * a throttled call still spends the account's request rate.
 *
 *   GET  /_emulator/requests        {total, operations: {Op: n}, pipelines: {Op: {name: n}}, regions: {region: n}, since}
 *   POST /_emulator/requests/reset  zero the counts (reset and seed zero them too)
 *
 * `pipelines` covers the operations whose input names one pipeline (`name` or `pipelineName`).
 */

export interface RequestCounts {
  readonly total: number;
  readonly operations: Readonly<Record<string, number>>;
  readonly pipelines: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly regions: Readonly<Record<string, number>>;
  /** When counting started (ISO): the emulator's start or the last reset. */
  readonly since: string;
}

// Inputs naming a pipeline are a few hundred bytes; a pipeline definition is not worth parsing here.
const MAX_PARSED_BODY = 16 * 1024;

function pipelineNameOf(rawBody: string): string | undefined {
  if (rawBody.length > MAX_PARSED_BODY) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return undefined;
  }
  if (typeof body !== "object" || body === null) return undefined;
  const { pipelineName, name } = body as { pipelineName?: unknown; name?: unknown };
  if (typeof pipelineName === "string") return pipelineName;
  return typeof name === "string" ? name : undefined;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export class RequestCounter {
  private total = 0;
  private readonly operations = new Map<string, number>();
  private readonly pipelines = new Map<string, Map<string, number>>();
  private readonly regions = new Map<string, number>();
  private since = new Date();

  constructor(private readonly clock: () => Date = () => new Date()) {
    this.since = clock();
  }

  /** One AWS call: its operation (undefined when the target named none), region and raw body. */
  record(operation: string | undefined, region: string, rawBody: string): void {
    const op = operation ?? "(unknown)";
    this.total++;
    bump(this.operations, op);
    bump(this.regions, region);
    const pipeline = pipelineNameOf(rawBody);
    if (pipeline === undefined) return;
    let perPipeline = this.pipelines.get(op);
    if (!perPipeline) this.pipelines.set(op, (perPipeline = new Map()));
    bump(perPipeline, pipeline);
  }

  snapshot(): RequestCounts {
    return {
      total: this.total,
      operations: Object.fromEntries(this.operations),
      pipelines: Object.fromEntries([...this.pipelines].map(([op, names]) => [op, Object.fromEntries(names)])),
      regions: Object.fromEntries(this.regions),
      since: this.since.toISOString(),
    };
  }

  reset(): void {
    this.total = 0;
    this.operations.clear();
    this.pipelines.clear();
    this.regions.clear();
    this.since = this.clock();
  }
}
