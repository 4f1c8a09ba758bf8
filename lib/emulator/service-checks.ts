/**
 * What CreatePipeline / UpdatePipeline reject beyond the model's member constraints (which
 * requests.ts already checked): the domain validation engine's ERROR diagnostics, each mapped to
 * the exception AWS declares for its family of problem
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_CreatePipeline.html#API_CreatePipeline_Errors).
 * Warnings are never rejected: AWS accepts what only fails at run time.
 *
 * Reusing the domain's rules means the emulator cannot be evidence that those rules are right:
 * a test that runs the same code on both sides only agrees with itself. That evidence lives in the
 * rules' own unit tests.
 */
import { sortDiagnostics, validate, type Diagnostic } from "@/lib/domain/validation";
import { ServiceError } from "./errors";

export type DeclarationException =
  | "ValidationException"
  | "InvalidStructureException"
  | "InvalidStageDeclarationException"
  | "InvalidActionDeclarationException"
  | "InvalidBlockerDeclarationException"
  | "InvalidTagsException"
  | "LimitExceededException";

/** Model constraints (name, pattern, length, enum rules): AWS answers these with ValidationException. */
const MODEL_CONSTRAINT_CODES = new Set([
  "PW001",
  "PIPE001", "PIPE004", "PIPE005", "PIPE007", "PIPE010",
  "STORE002", "STORE003", "STORE004", "STORE006",
  "STG001",
  "COND002", "COND011", "COND012", "COND013", "COND014", "COND019",
  "ACT001", "ACT003", "ACT007", "ACT010",
  "ART001",
  "VAR011",
  "TRIG002", "TRIG003", "TRIG004", "TRIG007", "TRIG008", "TRIG009",
]);

/** Exceptions to the family defaults below. */
const BY_CODE: Readonly<Record<string, DeclarationException>> = {
  EMU001: "InvalidBlockerDeclarationException",
  PIPE015: "LimitExceededException",
  STG005: "InvalidStructureException", // source placement is whole-pipeline structure
  STG006: "InvalidStructureException",
  STG007: "InvalidBlockerDeclarationException",
  COND001: "InvalidStructureException", // a V2 feature in a V1 pipeline
  VAR001: "InvalidStructureException",
  VAR002: "InvalidStructureException", // pipeline-level variables
  VAR003: "InvalidStructureException",
  VAR004: "InvalidStructureException",
};

const BY_FAMILY: ReadonlyArray<[RegExp, DeclarationException]> = [
  [/^GEN/, "ValidationException"],
  [/^(PIPE|STORE|TRIG)/, "InvalidStructureException"],
  [/^(STG|COND)/, "InvalidStageDeclarationException"],
  [/^(ACT|ART|CFG|VAR)/, "InvalidActionDeclarationException"],
  [/^TAG/, "InvalidTagsException"],
];

/** Codes that are Pipewright's own judgement, not something AWS rejects. */
const NOT_REJECTED_BY_AWS = new Set([
  "PW000", // internal rule error: never block a user on our bug
  "PW002", // unresolved CloudFormation reference: AWS stores the text literally
]);

export function exceptionFor(code: string): DeclarationException | undefined {
  if (NOT_REJECTED_BY_AWS.has(code)) return undefined;
  if (MODEL_CONSTRAINT_CODES.has(code)) return "ValidationException";
  const specific = BY_CODE[code];
  if (specific) return specific;
  return BY_FAMILY.find(([family]) => family.test(code))?.[1];
}

export interface CheckContext {
  readonly region: string;
  readonly operation: "create" | "update";
  /** The stored latest declaration, on update (masked secrets, mode changes). */
  readonly deployed?: unknown;
}

/**
 * The emulator's one rule of its own: blocker names unique within a stage. Blockers are
 * "reserved for future use"; the engine only warns about them, and without this the
 * InvalidBlockerDeclarationException AWS declares could never be produced (COVERAGE.md).
 */
function blockerDiagnostics(declaration: unknown): Diagnostic[] {
  const stages = (declaration as { stages?: unknown }).stages;
  if (!Array.isArray(stages)) return [];
  return stages.flatMap((stage: { blockers?: unknown }, i) => {
    if (!Array.isArray(stage?.blockers)) return [];
    const seen = new Set<string>();
    return stage.blockers.flatMap((blocker: { name?: unknown }, j) => {
      const name = String(blocker?.name);
      if (!seen.has(name)) {
        seen.add(name);
        return [];
      }
      return [{ code: "EMU001", severity: "error" as const, path: `stages[${i}].blockers[${j}].name`, message: `Blocker name '${name}' is used more than once in the stage; blocker names must be unique within a stage.` }];
    });
  });
}

/** Throws the AWS exception for the first rejected finding; returns the warnings it ignored. */
export function checkDeclaration(declaration: unknown, context: CheckContext): Diagnostic[] {
  const diagnostics = sortDiagnostics([
    ...validate(declaration, { region: context.region, operation: context.operation, deployed: context.deployed }),
    ...blockerDiagnostics(declaration),
  ]);
  const rejected = diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => ({ d, type: exceptionFor(d.code) }))
    .filter((x): x is { d: Diagnostic; type: DeclarationException } => x.type !== undefined);
  if (rejected.length === 0) return diagnostics;
  // AWS validates the model before the semantics, so model-constraint findings win.
  const model = rejected.filter((x) => x.type === "ValidationException");
  if (model.length > 0) {
    const n = model.length;
    throw new ServiceError(
      "ValidationException",
      `${n} validation error${n === 1 ? "" : "s"} detected: ` +
        model.map(({ d }) => `Value at '${fieldPath(d.path)}' failed to satisfy constraint: ${d.message} (${d.code})`).join("; "),
    );
  }
  const [first] = rejected;
  const more = rejected.length - 1;
  throw new ServiceError(
    first!.type,
    `${first!.d.message} (${first!.d.code} at '${fieldPath(first!.d.path)}')${more > 0 ? ` and ${more} more problem${more === 1 ? "" : "s"}` : ""}`,
  );
}

/** The engine's 0-based path, prefixed with the request member: `pipeline.stages[1].name`. */
export function fieldPath(path: string): string {
  if (path === "") return "pipeline";
  return path.startsWith("[") ? `pipeline${path}` : `pipeline.${path}`;
}
