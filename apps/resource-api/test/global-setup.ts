// Builds one migrated and seeded database for the whole run. Each test file then works on a copy
// of its own (see setup.ts), so files never see each other's rows.
import { createSeededDatabase } from "@seven-steps/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide("templateDatabaseUrl", await createSeededDatabase());
}
