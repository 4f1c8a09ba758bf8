/**
 * The emulator without its HTTP server: database, definition store, execution engine, and the
 * knobs the control API turns (throttling, latency). server.ts puts it on a socket.
 */
import type { CreateExecutionEngine, DefinitionWriter } from "./contract";
import { applyMigrations, databaseFileFor, openDatabase, SHELL_MIGRATIONS } from "./db";
import { DefinitionStore } from "./definition-store";
import { definitionWriter } from "./definitions";
import { createExecutionEngine } from "./executions";
import { Faults } from "./faults";
import { RequestCounter } from "./request-counter";
import type { Backend } from "./backend";
import { HOME_REGION } from "./identity";

export interface ServiceOptions {
  readonly dataDir: string;
  /** Simulated-time speed-up; 1 = real durations. */
  readonly timeScale?: number;
  /** Seed the demo pipelines when the data directory is new (default true). */
  readonly seedOnFirstStart?: boolean;
  /** Inject an engine (tests); by default the one in lib/emulator/executions. */
  readonly createEngine?: CreateExecutionEngine;
  /** The region this service keeps (default the home region); each region has its own database file. */
  readonly region?: string;
}

export interface EmulatorService {
  readonly region: string;
  readonly backend: Backend;
  readonly faults: Faults;
  /** AWS calls received (the control API's /requests). */
  readonly requests: RequestCounter;
  readonly definitions: DefinitionWriter;
  /** Drops every definition and execution, and clears injected faults (time scale stays). */
  reset(): void;
  /** Reset, then the engine's demo pipelines and history. Returns the pipeline names. */
  seed(): string[];
  close(): void;
}

export function openService(options: ServiceOptions): EmulatorService {
  const region = options.region ?? HOME_REGION;
  const { db, created } = openDatabase(options.dataDir, databaseFileFor(region, HOME_REGION));
  applyMigrations(db, "shell", SHELL_MIGRATIONS);
  const store = new DefinitionStore(db);
  const now = () => Date.now() / 1000;
  const definitions = definitionWriter({ store, now }, region);
  let engine;
  try {
    engine = (options.createEngine ?? createExecutionEngine)({ db, definitions, timeScale: options.timeScale ?? 1, region });
  } catch (error) {
    db.close();
    throw error;
  }
  const backend: Backend = { db, store, engine, now };
  const faults = new Faults();
  const requests = new RequestCounter();

  const reset = () => {
    engine.reset();
    store.deleteAll();
    faults.clear();
    requests.reset();
  };
  const seed = () => {
    reset();
    engine.seedDemo(definitions);
    return store.names();
  };

  if (created && options.seedOnFirstStart !== false) {
    try {
      engine.seedDemo(definitions);
    } catch (error) {
      // A broken demo must not keep the emulator from serving; say so loudly.
      console.error("[emulator] seeding the demo pipelines failed:", error);
    }
  }

  return {
    region,
    backend,
    faults,
    requests,
    definitions,
    reset,
    seed,
    close: () => {
      engine.close();
      db.close();
    },
  };
}
