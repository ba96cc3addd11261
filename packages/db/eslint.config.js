import base from "@seven-steps/config/eslint/base";

export default [
  ...base,
  // The Prisma CLI's configuration, the database scripts and the test helpers are tools, not
  // apps: they read the database address straight from the environment.
  { files: ["prisma.config.ts", "scripts/**", "src/testing.ts"], rules: { "no-restricted-properties": "off" } },
];
