import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
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
    files: ["app/**", "components/**", "cli/**", "lib/domain/**", "lib/check/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@aws-sdk/*"], message: "Only lib/aws imports the AWS SDK." }] },
      ],
    },
  },
  {
    // The domain layer stays framework-free: no React, Next, AWS SDK or Node built-ins.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "next", "next/*", "@xyflow/*", "@aws-sdk/*"], message: "lib/domain is framework-free." },
            { group: ["node:*"], message: "lib/domain is framework-free." },
          ],
          paths: ["fs", "path", "child_process", "os"].map((name) => ({ name, message: "lib/domain is framework-free." })),
        },
      ],
    },
  },
);
