import { defineConfig } from "vitest/config";

export default defineConfig({
  // The first lint in each workspace loads its whole ESLint configuration: seconds on a busy machine.
  test: { testTimeout: 60_000 },
});
