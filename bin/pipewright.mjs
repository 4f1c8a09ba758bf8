#!/usr/bin/env node
// The `pipewright` command: the CLI bundled into one JavaScript file (scripts/cli-bundle.mjs), so
// a run starts without compiling TypeScript. The bundle is built by `npm ci`, or here on first run.
import { pathToFileURL } from "node:url";
import { freshCliBundle } from "../scripts/cli-bundle.mjs";

const { main } = await import(pathToFileURL(await freshCliBundle()).href);
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
