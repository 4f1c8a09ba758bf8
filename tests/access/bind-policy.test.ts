/**
 * `npm start` serves one local user on 127.0.0.1; a public bind without sign-in is refused before
 * anything is built or started, with a message saying how to configure one.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bindRefusal, isLoopback } from "../../scripts/bind-policy.mjs";

const root = path.resolve(import.meta.dirname, "../..");

describe("where npm start may listen", () => {
  it("loopback addresses are always allowed; others need a sign-in mode or the read-only switch", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]) expect(isLoopback(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "pipewright.example.com"]) expect(isLoopback(host), host).toBe(false);
    expect(bindRefusal({})).toBeUndefined();
    expect(bindRefusal({ HOST: "0.0.0.0" })).toMatch(/PIPEWRIGHT_AUTH=oidc[\s\S]*PIPEWRIGHT_READ_ONLY=1/);
    expect(bindRefusal({ HOST: "0.0.0.0", PIPEWRIGHT_AUTH: "none" })).toBeDefined();
    expect(bindRefusal({ HOST: "0.0.0.0", PIPEWRIGHT_AUTH: "oidc" })).toBeUndefined();
    expect(bindRefusal({ HOST: "0.0.0.0", PIPEWRIGHT_READ_ONLY: "1" })).toBeUndefined();
  });

  for (const script of ["scripts/start.mjs", "scripts/serve.mjs"]) {
    it(`${script} refuses HOST=0.0.0.0 without sign-in, saying how to configure it`, () => {
      const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0", PORT: "3179", PIPEWRIGHT_EMULATOR_PORT: "4679" };
      delete env.PIPEWRIGHT_AUTH;
      delete env.PIPEWRIGHT_READ_ONLY;
      const run = spawnSync(process.execPath, [path.join(root, script), "--no-build"], { cwd: root, env, encoding: "utf8", timeout: 20_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("refusing to start");
      expect(run.stderr).toContain("PIPEWRIGHT_AUTH=oidc");
      expect(run.stderr).toContain("PIPEWRIGHT_READ_ONLY=1");
      // Refused before anything started: neither the emulator nor the app said a word.
      expect(run.stdout).not.toMatch(/starting the (emulator|app)|Pipewright on/);
    });
  }
});
