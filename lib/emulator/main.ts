/**
 * `npm run emulator -- --port N [--time-scale S] [--data-dir DIR] [--host H] [--app-origin URL]... [--no-control-api]`
 *
 * Runs the emulator alone. A new data directory starts with the demo pipelines.
 * Stops cleanly on SIGINT / SIGTERM (the database is closed, WAL checkpointed).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { HOME_REGION } from "./identity";
import { DataDirectoryError, ensureDataDirectory } from "./db";
import { startEmulator } from "./server";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const DEFAULT_PORT = 4599;
const DEFAULT_DATA_DIR = "./data/emulator";

function usage(message?: string): never {
  if (message) console.error(`emulator: ${message}`);
  console.error(
    "usage: npm run emulator -- --port N [--time-scale S] [--data-dir DIR] [--host H] [--app-origin URL]... [--no-control-api] [--quiet]",
  );
  process.exit(message ? 2 : 0);
}

const isHttpOrigin = (value: string) => URL.canParse(value) && ["http:", "https:"].includes(new URL(value).protocol);

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        "time-scale": { type: "string" },
        "data-dir": { type: "string" },
        host: { type: "string" },
        "app-origin": { type: "string", multiple: true },
        "no-control-api": { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) usage();
  const port = Number(values.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`--port must be 0..65535, got ${values.port}`);
  const timeScale = Number(values["time-scale"] ?? 1);
  if (!(timeScale > 0)) usage(`--time-scale must be a positive number, got ${values["time-scale"]}`);
  // path.resolve("") is the working directory: an empty value is a mistake, not a choice.
  if (values["data-dir"]?.trim() === "") usage("--data-dir must name a directory, got an empty string");
  const dataDir = path.resolve(values["data-dir"] ?? DEFAULT_DATA_DIR);
  try {
    ensureDataDirectory(dataDir);
  } catch (error) {
    usage(error instanceof DataDirectoryError ? error.message : String(error));
  }
  const host = values.host ?? "127.0.0.1";
  const appOrigins = values["app-origin"] ?? [];
  for (const origin of appOrigins) {
    if (!isHttpOrigin(origin)) usage(`--app-origin must be an http(s) origin such as http://localhost:3000, got ${origin}`);
  }

  startEmulator({ port, host, dataDir, timeScale, appOrigins, controlApi: !values["no-control-api"], log: !values.quiet }).then(
    (running) => {
      console.log(`Pipewright CodePipeline emulator listening on ${running.url}`);
      console.log(`  data:       ${dataDir}`);
      console.log(`  time scale: ${timeScale}`);
      console.log(`  try:        aws --endpoint-url ${running.url} --region ${HOME_REGION} codepipeline list-pipelines`);
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        console.log(`\n${signal}: stopping the emulator`);
        running.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.on("SIGINT", () => stop("SIGINT"));
      process.on("SIGTERM", () => stop("SIGTERM"));
    },
    (error: unknown) => {
      const code = (error as { code?: string }).code;
      if (code === "EADDRINUSE") console.error(`emulator: port ${port} is already in use on ${host}`);
      else if (error instanceof DataDirectoryError) console.error(`emulator: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}

main();
