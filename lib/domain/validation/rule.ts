import type { ValidationContext } from "./context";
import type { Diagnostic, Severity } from "./diagnostic";
import type { PipelineIndex } from "../pipeline/pipeline-index";

/**
 * Collects findings under one diagnostic code: a rule's reporter files under the rule's id, so a
 * rule never spells its own code again. Rules never throw and never stop at the first finding.
 */
export interface Reporter {
  error(path: string, message: string): void;
  warning(path: string, message: string): void;
  report(severity: Severity, path: string, message: string): void;
  /** The same findings under another code: a rule's sub-cases (ART004a) or the codes it relays (VAR006). */
  as(code: string): Reporter;
}

/**
 * One rule of the engine. `id` is its code; `codes` lists every diagnostic code it can emit (the id
 * itself, or sub-cases such as ART004a..d). The rules reference page and the property tests read it.
 *
 * Ownership, so that one problem gives one diagnostic: an empty string is GEN004's, an empty
 * list GEN003's, a wrong-case enum value GEN006's, a non-string configuration value GEN001's,
 * a non-integer where the model wants an integer GEN002's, an unknown member GEN005's. Specific
 * rules report every other violation of their field and stay silent on those.
 */
export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly codes: readonly string[];
  /** `report` files under `id`. */
  readonly check: (pipeline: PipelineIndex, context: ValidationContext, report: Reporter) => void;
}

/** A rule written with its id once; `codes` defaults to that id alone. */
export function defineRule(rule: Omit<Rule, "codes"> & { readonly codes?: readonly string[] }): Rule {
  return { ...rule, codes: rule.codes ?? [rule.id] };
}

/** A reporter that appends to `sink` under `code`. */
export function createReporter(sink: Diagnostic[], code: string): Reporter {
  return new SinkReporter(sink, code);
}

/** One object per rule and run (the engine makes one for every rule of every validation). */
class SinkReporter implements Reporter {
  private others: Map<string, Reporter> | undefined;

  constructor(
    private readonly sink: Diagnostic[],
    private readonly code: string,
  ) {}

  report(severity: Severity, path: string, message: string): void {
    this.sink.push({ code: this.code, severity, path, message });
  }

  error(path: string, message: string): void {
    this.report("error", path, message);
  }

  warning(path: string, message: string): void {
    this.report("warning", path, message);
  }

  as(other: string): Reporter {
    if (other === this.code) return this;
    this.others ??= new Map();
    let found = this.others.get(other);
    if (found === undefined) this.others.set(other, (found = new SinkReporter(this.sink, other)));
    return found;
  }
}
