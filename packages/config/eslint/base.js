// Lint rules shared by every workspace. Apps extend ./next.js, packages use this file directly.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import boundaries from "./boundaries.js";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/generated/**", "**/*.d.ts", "**/test-results/**", "**/playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["info", "warn", "error"] }],
      // Each app reads its configuration in one env.ts; nothing else reads process.env.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the app's env.ts." },
      ],
    },
  },
  {
    // Each rule applies only where its boundary is (see boundaries.js).
    plugins: { boundaries },
    rules: {
      "boundaries/no-app-imports-another-app": "error",
      "boundaries/no-package-imports-an-app": "error",
      "boundaries/protocol-is-pure": "error",
      "boundaries/resource-api-own-tables": "error",
      "boundaries/server-only-data-modules": "error",
    },
  },
);
