/** The emulator's execution engine (see contract.ts for the seam with the service shell). */
export { createExecutionEngine } from "./engine";
export { migrateExecutions, EXECUTION_MIGRATIONS } from "./schema";
export { DEMO_PIPELINES } from "./demo/pipelines";
