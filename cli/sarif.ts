/**
 * `validate --format sarif`: one SARIF 2.1.0 log for the whole run, so CI systems and code-scanning
 * UIs (GitHub code scanning, Azure DevOps, IDE viewers) show each finding on the line it is about.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html
 *
 * Each finding is a result with its rule id (the diagnostic code), level, message, the file and,
 * where the element exists in the text, its line and column; the declaration path goes in the
 * logical location. A file that cannot be read or parsed is a tool execution notification (the
 * run could not analyse it), positioned where the parser stopped.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckedPipeline } from "../lib/domain/check";
import { sourceLocator } from "../lib/domain/check/source-location";
import type { ImportForm, SourcePosition } from "../lib/domain/formats";
import type { Severity } from "../lib/domain/validation";
import packageJson from "../package.json" with { type: "json" };

/** What a rule catalogue entry offers a report: its title and the codes it reports under. */
export interface RuleDescription {
  readonly id: string;
  readonly title: string;
  readonly codes: readonly string[];
}

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
}
interface Location {
  readonly physicalLocation: { readonly artifactLocation: { readonly uri: string; readonly index?: number }; readonly region?: Region };
  readonly logicalLocations?: readonly { readonly fullyQualifiedName: string; readonly kind: string }[];
}
interface Result {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: "error" | "warning";
  readonly message: { readonly text: string };
  readonly locations: readonly Location[];
  readonly properties?: { readonly pipeline: string };
}
interface Notification {
  readonly level: "error";
  readonly message: { readonly text: string };
  readonly locations: readonly Location[];
}
export interface SarifLog {
  readonly $schema: string;
  readonly version: "2.1.0";
  readonly runs: readonly unknown[];
}

const SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

/** Collects a validate run file by file, then writes one log. */
export class SarifReport {
  private readonly artifacts: string[] = [];
  private readonly results: Result[] = [];
  private readonly notifications: Notification[] = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly ruleOrder: string[] = [];
  private readonly titleByCode: ReadonlyMap<string, string>;

  /** `cwd`: files inside it are reported relative to it (the repository root in CI), others as file URLs. */
  constructor(
    rules: readonly RuleDescription[],
    private readonly cwd: string,
  ) {
    this.titleByCode = new Map(rules.flatMap((rule) => rule.codes.map((code) => [code, rule.title] as const)));
  }

  addChecked(file: string, text: string, form: ImportForm, pipelines: readonly CheckedPipeline[]): void {
    const uri = this.artifact(file);
    const several = pipelines.length > 1;
    const locator = pipelines.some((p) => p.diagnostics.length > 0) ? sourceLocator(text) : undefined;
    for (const pipeline of pipelines) {
      for (const d of pipeline.diagnostics) {
        const position = locator?.locate({ form, label: pipeline.label }, d.path);
        this.results.push({
          ruleId: d.code,
          ruleIndex: this.rule(d.code),
          level: level(d.severity),
          message: { text: d.message },
          locations: [
            {
              ...physical(uri, this.artifacts.length - 1, position),
              ...(d.path === "" ? {} : { logicalLocations: [{ fullyQualifiedName: d.path, kind: "member" }] }),
            },
          ],
          ...(several ? { properties: { pipeline: pipeline.label } } : {}),
        });
      }
    }
  }

  addFailure(file: string, message: string, position?: SourcePosition): void {
    const uri = this.artifact(file);
    this.notifications.push({ level: "error", message: { text: message }, locations: [physical(uri, this.artifacts.length - 1, position)] });
  }

  toLog(): SarifLog {
    const rules = this.ruleOrder.map((code) => {
      const title = this.titleByCode.get(code);
      return title === undefined ? { id: code } : { id: code, shortDescription: { text: title } };
    });
    return {
      $schema: SCHEMA_URI,
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "pipewright", version: packageJson.version, rules } },
          invocations: [{ executionSuccessful: this.notifications.length === 0, toolExecutionNotifications: this.notifications }],
          artifacts: this.artifacts.map((uri) => ({ location: { uri } })),
          results: this.results,
          columnKind: "utf16CodeUnits",
        },
      ],
    };
  }

  private artifact(file: string): string {
    const absolute = path.resolve(this.cwd, file);
    const relative = path.relative(this.cwd, absolute);
    const uri =
      relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative)
        ? relative.split(path.sep).map(encodeURIComponent).join("/")
        : pathToFileURL(absolute).href;
    this.artifacts.push(uri);
    return uri;
  }

  private rule(code: string): number {
    let index = this.ruleIndex.get(code);
    if (index === undefined) {
      index = this.ruleOrder.push(code) - 1;
      this.ruleIndex.set(code, index);
    }
    return index;
  }
}

function physical(uri: string, index: number, position: SourcePosition | undefined): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri, index },
      ...(position === undefined ? {} : { region: { startLine: position.line, startColumn: position.column } }),
    },
  };
}

function level(severity: Severity): "error" | "warning" {
  return severity === "error" ? "error" : "warning";
}
