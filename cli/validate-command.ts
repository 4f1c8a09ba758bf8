import { readFileSync } from "node:fs";
import { checkText } from "../lib/domain/check";
import { expandFileArguments } from "./files";
import { EXIT, type CliIO } from "./io";
import { jsonReport, summaryLine, textReport } from "./report";

export interface ValidateOptions {
  readonly format: "text" | "json";
  readonly region: string | undefined;
}

/** Validates every file in one process; exit 2 beats 1 beats 0. */
export function runValidate(args: readonly string[], options: ValidateOptions, io: CliIO): number {
  const files = expandFileArguments(args);
  const context = options.region === undefined ? {} : { region: options.region };
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
      io.stderr(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      if (options.format === "json") io.stdout(`${JSON.stringify({ file, valid: false, error: "cannot read file", diagnostics: [] })}\n`);
      continue;
    }
    const result = checkText(text, { fileName: file, context });
    if (!result.ok) {
      unreadable++;
      exit = EXIT.unreadable;
      io.stderr(`${result.error.toString()}\n`);
      if (options.format === "json") {
        const { line, column, message } = result.error;
        io.stdout(`${JSON.stringify({ file, valid: false, error: { line, column, message }, diagnostics: [] })}\n`);
      }
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
    io.stdout(options.format === "json" ? jsonReport({ file, pipelines: result.pipelines }) : textReport({ file, pipelines: result.pipelines }));
  }
  if (options.format === "text") io.stderr(summaryLine(files.length, errors, warnings, unreadable));
  return exit;
}
