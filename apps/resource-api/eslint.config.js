import next from "@seven-steps/config/eslint/next";

export default [
  ...next,
  // env.ts is the one place that reads process.env.
  { files: ["src/env.ts"], rules: { "no-restricted-properties": "off" } },
];
