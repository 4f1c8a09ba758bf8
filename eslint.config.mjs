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
