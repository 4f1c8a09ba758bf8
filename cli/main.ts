/**
 * `pipewright` — a thin adapter over lib/domain: parse arguments, call one command, return
 * its exit code. Commands write through CliIO so tests can run them in-process.
 */
import { parseArgs } from "node:util";
import { EXIT, type CliIO } from "./io";
import { runValidate, VALIDATE_FORMATS } from "./validate-command";

const USAGE = `Usage:
  pipewright validate FILE... [--format text|json|sarif] [--region REGION]
  pipewright convert FILE --to declaration|get-pipeline|cli-input|cloudformation-yaml|cloudformation-json [--pipeline NAME]
  pipewright schema [--form declaration|get-pipeline|cli-input] [--draft 2020-12|7]

FILE may be a folder: its .json, .yaml, .yml and .template files are read recursively.
Every form is detected: a pipeline declaration, get-pipeline output, --cli-input-json input,
or a CloudFormation template (YAML or JSON).

validate exits 0 when no file has an error, 1 when any file has one, 2 when a file cannot
be read or parsed. --region (default: $AWS_REGION, $AWS_DEFAULT_REGION) is the pipeline's
home region; without one, region-dependent rules are skipped. --format sarif writes one
SARIF 2.1.0 log for code-scanning tools, with the line and column of each finding.

schema prints a JSON Schema of the document form (default: the declaration) for editors.
`;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.stdout(USAGE);
    return command === undefined ? EXIT.unreadable : EXIT.ok;
  }
  try {
    switch (command) {
      case "validate": {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { format: { type: "string", default: "text" }, region: { type: "string" } },
        });
        const format = VALIDATE_FORMATS.find((f) => f === values.format);
        if (format === undefined) return usageError(io, `--format must be ${VALIDATE_FORMATS.join(", ")}, not "${values.format}".`);
        if (positionals.length === 0) return usageError(io, "validate needs at least one FILE.");
        const region = values.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
        return runValidate(positionals, { format, region: region || undefined, cwd: process.cwd() }, io);
      }
      case "convert": {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { to: { type: "string" }, pipeline: { type: "string" } },
        });
        if (positionals.length !== 1) return usageError(io, "convert takes exactly one FILE.");
        if (values.to === undefined) return usageError(io, "convert needs --to FORM.");
        // Loaded on demand, as schema is: export and the stored-document schema (zod) are not on
        // validate's path, which CI runs on every commit.
        const { runConvert } = await import("./convert-command");
        return runConvert(positionals[0]!, { to: values.to, pipeline: values.pipeline }, io);
      }
      case "schema": {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { form: { type: "string", default: "declaration" }, draft: { type: "string", default: "2020-12" } },
        });
        if (positionals.length > 0) return usageError(io, "schema takes no FILE.");
        // Loaded on demand: the schema generator (zod) is a separate chunk of the built command.
        const { runSchema } = await import("./schema-command");
        return runSchema({ form: values.form, draft: values.draft }, io);
      }
      default:
        return usageError(io, `unknown command "${command}".`);
    }
  } catch (error) {
    // parseArgs throws on unknown options; say which and show the usage.
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`pipewright: ${message}\n\n${USAGE}`);
  return EXIT.unreadable;
}
