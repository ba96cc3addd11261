import next from "@seven-steps/config/eslint/next";

export default [
  ...next,
  // env.ts is the one place that reads process.env; the test setup writes it before env.ts runs.
  { files: ["src/env.ts", "test/setup.ts"], rules: { "no-restricted-properties": "off" } },
];
