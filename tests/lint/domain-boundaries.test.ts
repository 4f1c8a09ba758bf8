/**
 * The domain layer's import boundaries (eslint.config.mjs) fire for every forbidden target and
 * only there: each specifier is linted as if written in a domain file two folders deep.
 */
import { ESLint } from "eslint";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DOMAIN_FILE = path.join(ROOT, "lib/domain/validation/boundary-probe.ts");
const COMPONENT_FILE = path.join(ROOT, "components/boundary-probe.tsx");

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restrictedImports(specifier: string, filePath = DOMAIN_FILE): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from "${specifier}";\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const FORBIDDEN: ReadonlyArray<[boundary: string, specifiers: readonly string[]]> = [
  ["storage", ["better-sqlite3"]],
  ["data fetching", ["@tanstack/react-query", "@tanstack/query-core"]],
  ["server-only code", ["server-only"]],
  ["frameworks", ["react", "react-dom", "next", "next/navigation", "@xyflow/react"]],
  ["the AWS SDK", ["@aws-sdk/client-codepipeline"]],
  ["Node built-ins", ["node:fs", "fs", "path", "child_process", "os"]],
  ["components/", ["@/components/canvas/project", "../../../components/canvas/project"]],
  ["app/", ["@/app/check/page", "../../../app/layout"]],
  ["lib/aws", ["@/lib/aws/config", "../../aws/config", "../../../lib/aws/config"]],
  ["lib/emulator", ["@/lib/emulator/identity", "../../emulator/identity", "../../../lib/emulator/identity"]],
];

// The first lint loads typescript-eslint: seconds on a busy machine.
describe("lib/domain import boundaries", { timeout: 60_000 }, () => {
  for (const [boundary, specifiers] of FORBIDDEN) {
    it.each(specifiers)(`refuses ${boundary}: %s`, async (specifier) => {
      expect(await restrictedImports(specifier)).toHaveLength(1);
    });
  }

  it.each(["zod", "yaml", "vitest", "fast-check", "../../json", "@/lib/domain/json", "../catalog/regions", "./rule"])(
    "allows %s",
    async (specifier) => {
      expect(await restrictedImports(specifier)).toEqual([]);
    },
  );

  it("applies to lib/domain only", async () => {
    expect(await restrictedImports("@tanstack/react-query", COMPONENT_FILE)).toEqual([]);
    expect(await restrictedImports("@/lib/emulator/identity", COMPONENT_FILE)).toEqual([]);
  });
});
