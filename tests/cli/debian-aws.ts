/**
 * Debian's AWS CLI v2 (/usr/bin/aws, installed by scripts/install-test-deps.sh), run against an
 * endpoint with dummy credentials, no config files, no instance metadata lookups and no pager.
 * Not the pip v1 CLI that may come first on PATH. Runs asynchronously: the emulator under test
 * answers from the test's own process, so a synchronous spawn would deadlock.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

export const AWS = "/usr/bin/aws";
export const awsCliAvailable = existsSync(AWS);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const CLI_ENV = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: process.env.HOME ?? "/tmp",
  AWS_ACCESS_KEY_ID: "test",
  AWS_SECRET_ACCESS_KEY: "test",
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
  AWS_PAGER: "",
} as Record<string, string> as NodeJS.ProcessEnv;

/** `aws --endpoint-url <endpoint> --region us-east-1 --output json codepipeline <args>`. */
export function runAws(endpoint: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      AWS,
      ["--endpoint-url", endpoint, "--region", "us-east-1", "--output", "json", "--no-cli-pager", "codepipeline", ...args],
      { env: CLI_ENV, encoding: "utf8", timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
