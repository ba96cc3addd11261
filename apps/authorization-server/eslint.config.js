import next from "@seven-steps/config/eslint/next";

export default [
  ...next,
  // env.ts is the one place that reads process.env; the test setup writes it before env.ts runs,
  // and so does the test that gives the app a database server of its own to stop. The test of
  // workshop:setup gives the command its environment, as a person's shell would.
  {
    files: ["src/env.ts", "test/setup.ts", "test/database-unavailable.test.ts", "test/workshop-setup.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];
