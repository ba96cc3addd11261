// The four apps as the end-to-end tests start them: production builds, sharing a database of
// their own that is created afresh for each run. They run on the demo's ports (3000 to 3003), or
// on four ports from E2E_PORT_BASE, so that the tests can run while `npm run dev` does.
//
// Four stacks read this file: the main one (playwright.config.ts); the attack lab's
// (playwright.attack-lab.config.ts), chosen by E2E_STACK=attack-lab, which runs the same builds
// with ATTACK_LAB_WEAKENING=true, ten ports up and on a database of its own, so that no test of
// the main suite ever meets a server whose defences can be switched off; the workshop's
// (playwright.workshop.config.ts, E2E_STACK=workshop), twenty ports up on a database of its own,
// which runs the apps as `npm run workshop` does, listening on a room's address only; and the
// scaled stage (playwright.scaled.config.ts, E2E_STACK=scaled), which runs the three roles behind
// nginx and not Mallory's app: she belongs to the lab, not to a deployment.
import { workshopEnvironment } from "@seven-steps/devtools/workshop/layout";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

const stacks = ["main", "attack-lab", "workshop", "scaled"] as const;
export const stack: (typeof stacks)[number] = stacks.find((name) => name === process.env.E2E_STACK) ?? "main";
const portOffset = { main: 0, "attack-lab": 10, workshop: 20, scaled: 0 }[stack];
const portBase = Number(process.env.E2E_PORT_BASE || 3000) + portOffset;

/**
 * The address the apps are reached at. The workshop's stack stands a loopback address other than
 * 127.0.0.1 in for a room's network address, such as 192.168.1.20: the apps listen on it alone,
 * and every URL names it, as they do in a room. No other address is ever used.
 */
export const host = stack === "workshop" ? "127.0.0.2" : "localhost";

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
  client: { workspace: "@seven-steps/client", port: portBase, url: `http://${host}:${portBase}` },
  authorizationServer: { workspace: "@seven-steps/authorization-server", port: portBase + 1, url: `http://${host}:${portBase + 1}` },
  resourceApi: { workspace: "@seven-steps/resource-api", port: portBase + 2, url: `http://${host}:${portBase + 2}` },
  attacker: { workspace: "@seven-steps/attacker", port: portBase + 3, url: `http://${host}:${portBase + 3}` },
} as const;

/** The apps the stack under test runs: the scaled stage has no attacker app. */
export const appsUnderTest: readonly (typeof apps)[keyof typeof apps][] =
  stack === "scaled" ? [apps.client, apps.authorizationServer, apps.resourceApi] : Object.values(apps);

/**
 * Where each app finds the others, and whether the attack lab may switch defences off: the
 * configuration every app under test receives. The workshop's stack receives what
 * `npm run workshop` gives the apps on the room's address (WORKSHOP_HOST, the same URLs, demo
 * accounts not offered), with fixed secrets where it makes them for each run.
 */
export const appEnvironment: Record<string, string> = {
  CLIENT_APP_URL: apps.client.url,
  ISSUER: apps.authorizationServer.url,
  AUTHORIZATION_SERVER_ISSUER: apps.authorizationServer.url,
  RESOURCE_API_URL: apps.resourceApi.url,
  ATTACKER_URL: apps.attacker.url,
  ATTACK_LAB_WEAKENING: String(stack === "attack-lab"),
  ...(stack === "workshop"
    ? workshopEnvironment(
        { room: { listen: host, urlHost: host, loopback: true }, portBase },
        { nextAuthSecret: "e2e-workshop-nextauth-secret-0123456789", dpopNonceSecret: "e2e-workshop-dpop-nonce-secret-0123456789" },
      )
    : {}),
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

/** On the workshop's stack, each app listens on the room's address only, as `npm run workshop` starts it. */
const listenOn = stack === "workshop" ? ` -- --hostname ${host}` : "";

/**
 * The stack as Playwright starts it: each app's production build, already made (no rebuild), with
 * its output also in a log file, which the last tests read for leaked secrets.
 */
export const webServers = Object.entries(apps).map(([name, app]) => ({
  command: `node e2e/run-logged.js ${path.join(logFolder, `${name}.log`)} npm run start --workspace ${app.workspace}${listenOn}`,
  cwd: repositoryRoot,
  url: app.url,
  env: { ...appEnvironment, DATABASE_URL: databaseUrl, ...testSettings, PORT: String(app.port) },
  // The tests need a fresh database; a server left running by `npm run dev` would use another one.
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
}));
