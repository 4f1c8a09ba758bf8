/**
 * Why a text could not be imported. Importers return these instead of throwing, so a caller
 * (the designer, the CLI) can show `file:line:col: message` without a stack trace.
 */

/** `parse`: not valid JSON/YAML. `shape`: valid, but not any accepted pipeline form. */
export type FormatErrorKind = "parse" | "shape";

/** 1-based position in the source text. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export class FormatError extends Error {
  override readonly name = "FormatError";
  readonly kind: FormatErrorKind;
  readonly line: number;
  readonly column: number;
  readonly fileName: string | undefined;

  constructor(kind: FormatErrorKind, message: string, position: SourcePosition = { line: 1, column: 1 }, fileName?: string) {
    super(message);
    this.kind = kind;
    this.line = position.line;
    this.column = position.column;
    this.fileName = fileName;
  }

  /** `file:line:col: message` (`<input>` when there is no file name), as compilers print it. */
  override toString(): string {
    return `${this.fileName ?? "<input>"}:${this.line}:${this.column}: ${this.message}`;
  }
}

/** The accepted forms, for "unknown shape" messages. */
export const ACCEPTED_FORMS =
  "a pipeline declaration ({name, roleArn, stages, ...}), `aws codepipeline get-pipeline` output " +
  "({pipeline, metadata}), create-pipeline input for --cli-input-json ({pipeline, tags}), a " +
  "CloudFormation template with an AWS::CodePipeline::Pipeline resource, one such resource " +
  "({Type: AWS::CodePipeline::Pipeline, Properties: {...}}), or a snippet of logical ids and resources " +
  "({MyPipeline: {Type: AWS::CodePipeline::Pipeline, Properties: {...}}})";

/** 1-based line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): SourcePosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
