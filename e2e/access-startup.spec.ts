import { spawnSync } from "node:child_process";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { startServedApp } from "./support/app-instance";

/**
 * Local by default: without sign-in the app serves one user on 127.0.0.1 and says so in the
 * header; binding a public address without sign-in is refused at start-up.
 */
const PORT = 3173;

test("the header says the app is local, single user", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("user-badge")).toHaveText("local, single user");
});

test("the start script listens on 127.0.0.1 only", async ({ request }) => {
  test.setTimeout(120_000);
  const app = await startServedApp(PORT, { HOST: "" });
  try {
    expect(app.output()).toContain(`Pipewright on http://127.0.0.1:${PORT}`);
    expect((await request.get(`http://127.0.0.1:${PORT}/rules`)).status()).toBe(200);
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === "IPv4" && !i.internal);
    test.skip(external === undefined, "this machine has no non-loopback IPv4 address to try");
    await expect(request.get(`http://${external!.address}:${PORT}/rules`, { timeout: 5_000 })).rejects.toThrow(/ECONNREFUSED/);
  } finally {
    await app.stop();
  }
});

test("HOST=0.0.0.0 without sign-in is refused at start-up, saying how to configure it", () => {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: "0.0.0.0", PORT: String(PORT) };
  delete env.PIPEWRIGHT_AUTH;
  delete env.PIPEWRIGHT_READ_ONLY;
  const run = spawnSync(process.execPath, [path.resolve("scripts/start.mjs"), "--no-build"], { env, encoding: "utf8", timeout: 30_000 });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/refusing to start[\s\S]*PIPEWRIGHT_AUTH=oidc[\s\S]*PIPEWRIGHT_READ_ONLY=1/);
});
