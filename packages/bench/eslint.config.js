import base from "@seven-steps/config/eslint/base";

export default [
  ...base,
  // The benchmark is tooling: it reads the environment directly.
  { rules: { "no-restricted-properties": "off" } },
];
