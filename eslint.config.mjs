import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "dist/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", performance: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/aws is the one gateway to CodePipeline; the emulator and tests may use the SDK as a client.
    files: ["app/**", "components/**", "cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@aws-sdk/*"], message: "Only lib/aws imports the AWS SDK." }] },
      ],
    },
  },
  {
    // Specs take `test` and `expect` from the shared fixture (console errors fail every test) and
    // wait for what the user sees, never for a fixed time.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", message: "Import test and expect from ./fixtures.", allowTypeImports: true }] },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='waitForTimeout']",
          message: "Wait for what the user sees (expect(...).toBeVisible(), expect.poll) instead of a fixed time.",
        },
      ],
    },
  },
  {
    // The domain layer is pure: it runs unchanged in the browser, the server, the CLI and the
    // emulator, so it imports no framework, SDK, Node built-in or storage, and nothing from the
    // layers that build on it. tests/lint/domain-boundaries.test.ts proves each entry fires.
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "next", "next/*", "@xyflow/*"], message: "lib/domain is framework-free." },
            { group: ["@aws-sdk/*"], message: "Only lib/aws imports the AWS SDK." },
            { group: ["node:*"], message: "lib/domain is framework-free." },
            { group: ["better-sqlite3", "@tanstack/*", "server-only"], message: "lib/domain holds no storage, data fetching or server-only code." },
            {
              // Relative specifiers are matched by shape: no folder inside lib/domain bears these names.
              regex: "^(@/|(\\.\\./)+)(components|app|(lib/)?aws|(lib/)?emulator)(/|$)",
              message: "lib/domain must not import the layers built on it (components, app, lib/aws, lib/emulator).",
            },
          ],
          paths: ["fs", "path", "child_process", "os"].map((name) => ({ name, message: "lib/domain is framework-free." })),
        },
      ],
    },
  },
);
