/** startEmulator: loopback by default, a clean failure when the port is taken. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { DataDirectoryError } from "./db";
import { startEmulator } from "./server";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pipewright-server-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it("binds 127.0.0.1 unless told otherwise", async () => {
  const emu = await startEmulator({ port: 0, dataDir: tempDir(), seedOnFirstStart: false });
  try {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
  } finally {
    await emu.close();
  }
});

it("rejects with EADDRINUSE when the port is taken, and releases its data directory", async () => {
  const first = await startEmulator({ port: 0, dataDir: tempDir(), seedOnFirstStart: false });
  const dataDir = tempDir();
  try {
    await expect(startEmulator({ port: first.port, dataDir, seedOnFirstStart: false })).rejects.toMatchObject({ code: "EADDRINUSE" });
    const again = await startEmulator({ port: 0, dataDir, seedOnFirstStart: false });
    await again.close();
  } finally {
    await first.close();
  }
});

it("rejects a data directory that is empty or a file with a DataDirectoryError, not a raw fs error", async () => {
  const file = path.join(tempDir(), "file");
  writeFileSync(file, "");
  await expect(startEmulator({ port: 0, dataDir: file, seedOnFirstStart: false })).rejects.toThrow(
    new DataDirectoryError(`the data directory ${file} is a file, not a directory`),
  );
  await expect(startEmulator({ port: 0, dataDir: "", seedOnFirstStart: false })).rejects.toBeInstanceOf(DataDirectoryError);
});
