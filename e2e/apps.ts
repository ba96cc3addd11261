// The three apps as the end-to-end tests start them: production builds on their usual ports,
// sharing a database of their own that is created afresh for each run.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const repositoryRoot = path.resolve(here, "..");
export const databaseFile = path.join(here, ".data", "e2e.db");
export const databaseUrl = `file:${databaseFile}`;

export const apps = {
  client: { workspace: "@seven-steps/client", url: "http://localhost:3000" },
  authorizationServer: { workspace: "@seven-steps/authorization-server", url: "http://localhost:3001" },
  resourceApi: { workspace: "@seven-steps/resource-api", url: "http://localhost:3002" },
} as const;
