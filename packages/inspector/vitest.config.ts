import { defineConfig } from "vitest/config";

export default defineConfig({
  // Each test file builds its database with the real migration and seed commands.
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
