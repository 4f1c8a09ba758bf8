/**
 * Loaded into a measured child process (`node --import ./bench/support/cpu-at-exit.mjs ...`) with
 * file descriptor 3 open as a pipe: at exit the child writes its own CPU time there as
 * `{"cpu_ms": …}`. CPU time, unlike wall time, barely moves with the load of a shared machine
 * (a process waiting for a core uses none), so a figure built on it can be compared between runs.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  writeSync(3, JSON.stringify({ cpu_ms: (user + system) / 1000 }));
});
