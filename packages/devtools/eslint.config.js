import base from "@seven-steps/config/eslint/base";

export default [
  ...base,
  // These are the tools that start the apps: they pass the environment on to Next.js.
  { rules: { "no-restricted-properties": "off" } },
];
