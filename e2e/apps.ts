// The four apps as the end-to-end tests start them: production builds, sharing a database of
// their own that is created afresh for each run. They run on the demo's ports (3000 to 3003), or
// on four ports from E2E_PORT_BASE, so that the tests can run while `npm run dev` does.
//
// Three stacks read this file: the main one (playwright.config.ts); the attack lab's
// (playwright.attack-lab.config.ts), chosen by E2E_STACK=attack-lab, which runs the same builds
// with ATTACK_LAB_WEAKENING=true, ten ports up and on a database of its own, so that no test of
// the main suite ever meets a server whose defences can be switched off; and the scaled stage
// (playwright.scaled.config.ts, E2E_STACK=scaled), which runs the three roles behind nginx and not
// Mallory's app: she belongs to the lab, not to a deployment.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

export const stack: "main" | "attack-lab" | "scaled" =
  process.env.E2E_STACK === "attack-lab" || process.env.E2E_STACK === "scaled" ? process.env.E2E_STACK : "main";
const portBase = Number(process.env.E2E_PORT_BASE || 3000) + (stack === "attack-lab" ? 10 : 0);

export const repositoryRoot = path.resolve(here, "..");
export const databaseFile = path.join(here, ".data", `e2e-${portBase}.db`);
/**
 * The database the apps under test share, and the tests read: the SQLite file above unless
 * E2E_DATABASE_URL names another. The scaled stage (playwright.scaled.config.ts) sets it to its
 * PostgreSQL database. DATABASE_URL is deliberately not read: it names the developer's own
 * database, which the tests must never fill with their users and clients.
 */
export const databaseUrl = process.env.E2E_DATABASE_URL || `file:${databaseFile}`;
/** Where the apps under test write their logs, which the tests read for leaked secrets. */
export const logFolder = path.join(here, ".data", `logs-${portBase}`);

export const apps = {
  client: { workspace: "@seven-steps/client", port: portBase, url: `http://localhost:${portBase}` },
  authorizationServer: { workspace: "@seven-steps/authorization-server", port: portBase + 1, url: `http://localhost:${portBase + 1}` },
  resourceApi: { workspace: "@seven-steps/resource-api", port: portBase + 2, url: `http://localhost:${portBase + 2}` },
  attacker: { workspace: "@seven-steps/attacker", port: portBase + 3, url: `http://localhost:${portBase + 3}` },
} as const;

/** The apps the stack under test runs: the scaled stage has no attacker app. */
export const appsUnderTest: readonly (typeof apps)[keyof typeof apps][] =
  stack === "scaled" ? [apps.client, apps.authorizationServer, apps.resourceApi] : Object.values(apps);

/**
 * Where each app finds the others, and whether the attack lab may switch defences off: the
 * configuration every app under test receives.
 */
export const appEnvironment = {
  CLIENT_APP_URL: apps.client.url,
  ISSUER: apps.authorizationServer.url,
  AUTHORIZATION_SERVER_ISSUER: apps.authorizationServer.url,
  RESOURCE_API_URL: apps.resourceApi.url,
  ATTACKER_URL: apps.attacker.url,
  ATTACK_LAB_WEAKENING: String(stack === "attack-lab"),
};

/**
 * Six-second access tokens, so that a test can watch one expire and be refreshed, and a resource
 * server that fetches a rotated key within a second. Every other setting is the demo's default.
 */
export const testSettings = { ACCESS_TOKEN_TTL_SECONDS: "6", JWKS_REFETCH_COOLDOWN_SECONDS: "1" };

/** PrintShop's, the lab's and the attack lab's weak demo client's redirect URIs on these ports. */
export const printShopRedirectUri = `${apps.client.url}/api/auth/callback/authorization-server`;
export const labRedirectUri = `${apps.client.url}/lab/callback`;
export const weakClientRedirectUri = `${apps.client.url}/attack-lab/victim`;
/** The callback of PrintShop's weak sign-in (the weak demo client's next-auth provider, there only while weakening is on). */
export const weakSignInRedirectUri = `${apps.client.url}/api/auth/callback/printshop-weak`;

/**
 * The stack as Playwright starts it: each app's production build, already made (no rebuild), with
 * its output also in a log file, which the last tests read for leaked secrets.
 */
export const webServers = Object.entries(apps).map(([name, app]) => ({
  command: `node e2e/run-logged.js ${path.join(logFolder, `${name}.log`)} npm run start --workspace ${app.workspace}`,
  cwd: repositoryRoot,
  url: app.url,
  env: { ...appEnvironment, DATABASE_URL: databaseUrl, ...testSettings, PORT: String(app.port) },
  // The tests need a fresh database; a server left running by `npm run dev` would use another one.
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
}));
