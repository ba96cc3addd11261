import next from "@seven-steps/config/eslint/next";

export default [
  ...next,
  // env.ts is the one place that reads process.env; tests write it before env.ts runs.
  {
    files: ["src/env.ts", "test/mallory-http.test.ts", "test/run-phase.test.ts", "test/prints-api.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];
