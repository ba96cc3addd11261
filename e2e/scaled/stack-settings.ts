// The scaled stack as the scaled stage runs it: packages/devtools/src/scaled/stack.ts with the
// tests' settings, its data folder in e2e/.data/scaled. The global setup puts the database and
// the session secret in the environment, where the test workers, which crash and restart
// instances, find them too.
import type { ScaledStackSettings } from "@seven-steps/devtools/scaled/stack";
import path from "node:path";
import { repositoryRoot, testSettings } from "../apps.ts";

export function scaledStackSettings(): ScaledStackSettings {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const nextAuthSecret = process.env.E2E_NEXTAUTH_SECRET;
  if (!databaseUrl || !nextAuthSecret) throw new Error("E2E_DATABASE_URL and E2E_NEXTAUTH_SECRET are set by e2e/scaled/global-setup.ts");
  return {
    folder: path.join(repositoryRoot, "e2e", ".data", "scaled"),
    databaseUrl,
    nextAuthSecret,
    extraEnvironment: testSettings,
  };
}
