import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const PIPELINE_FILE = /\.(json|ya?ml|template)$/i;

/**
 * Expands the command's FILE arguments: files as given, folders recursively to the pipeline
 * files inside them (.json, .yaml, .yml, .template), sorted so output is stable.
 * Paths that do not exist are kept; reading them reports the error.
 */
export function expandFileArguments(args: readonly string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      // Missing paths are reported when read.
    }
    if (isDirectory) files.push(...walk(arg));
    else files.push(arg);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (PIPELINE_FILE.test(entry.name)) out.push(path);
  }
  return out;
}
