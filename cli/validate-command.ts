import { readFileSync } from "node:fs";
import { checkText } from "../lib/domain/check";
import { RULES } from "../lib/domain/validation";
import { expandFileArguments } from "./files";
import { EXIT, type CliIO } from "./io";
import { jsonReport, summaryLine, textReport } from "./report";
import { SarifReport } from "./sarif";

export const VALIDATE_FORMATS = ["text", "json", "sarif"] as const;

export interface ValidateOptions {
  readonly format: (typeof VALIDATE_FORMATS)[number];
  readonly region: string | undefined;
  /** Where relative SARIF artifact URIs start (the repository root in CI). */
  readonly cwd: string;
}

/** Validates every file in one process; exit 2 beats 1 beats 0. */
export function runValidate(args: readonly string[], options: ValidateOptions, io: CliIO): number {
  const files = expandFileArguments(args);
  const context = options.region === undefined ? {} : { region: options.region };
  const sarif = options.format === "sarif" ? new SarifReport(RULES, options.cwd) : undefined;
  let exit: number = EXIT.ok;
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;

  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      unreadable++;
      exit = EXIT.unreadable;
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      io.stderr(`${file}: cannot read: ${code}\n`);
      if (options.format === "json") io.stdout(`${JSON.stringify({ file, valid: false, error: "cannot read file", diagnostics: [] })}\n`);
      sarif?.addFailure(file, `cannot read the file: ${code}`);
      continue;
    }
    const result = checkText(text, { fileName: file, context });
    if (!result.ok) {
      unreadable++;
      exit = EXIT.unreadable;
      io.stderr(`${result.error.toString()}\n`);
      const { line, column, message } = result.error;
      if (options.format === "json") {
        io.stdout(`${JSON.stringify({ file, valid: false, error: { line, column, message }, diagnostics: [] })}\n`);
      }
      sarif?.addFailure(file, message, { line, column });
      continue;
    }
    for (const pipeline of result.pipelines) {
      for (const d of pipeline.diagnostics) {
        if (d.severity === "error") errors++;
        else warnings++;
      }
    }
    const fileHasError = result.pipelines.some((p) => p.diagnostics.some((d) => d.severity === "error"));
    if (fileHasError && exit === EXIT.ok) exit = EXIT.invalid;
    if (sarif) sarif.addChecked(file, text, result.form, result.pipelines);
    else io.stdout(options.format === "json" ? jsonReport({ file, pipelines: result.pipelines }) : textReport({ file, pipelines: result.pipelines }));
  }
  if (sarif) io.stdout(`${JSON.stringify(sarif.toLog(), null, 2)}\n`);
  if (options.format === "text") io.stderr(summaryLine(files.length, errors, warnings, unreadable));
  return exit;
}
