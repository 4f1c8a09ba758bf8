import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: [
      // lib/aws modules start with `import "server-only"`, which Next resolves for its server bundles.
      // Tests run on the server too, so they get the same empty module (the package's default entry throws).
      {
        find: /^server-only$/,
        replacement: fileURLToPath(new URL("./node_modules/next/dist/compiled/server-only/empty.js", import.meta.url)),
      },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "tests/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    environment: "node",
    // Property suites and tests that start processes (the CLI, the emulator, Debian's aws) take
    // seconds on a busy 2-core machine; vitest's 5 s default turns that into false failures.
    testTimeout: 30_000,
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
  },
});
