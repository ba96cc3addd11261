// The scaled stack: two instances of each app (layout.ts), and nginx in front of them on the
// demo's public ports. `npm run start:scaled` runs it for people; the scaled end-to-end stage
// (e2e/playwright.scaled.config.ts) runs it for the tests, and crashes and restarts instances.
//
// The instances of an app share nothing but the database and their configuration: whatever one
// instance learns (a session, a code, a consent, a refresh token's rotation, the signing key) the
// other reads from PostgreSQL. That is what makes it safe for nginx to send each request to
// either one.
import { databaseProvider, describeDatabase } from "@seven-steps/db";
import { createHmac } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { findPortProblem } from "../ports.js";
import { instancePidFile, logsFolder, nginxConfigFile, nginxPidFile, type DataFolder } from "./data-folder.ts";
import { isRunning, startInstance, stopInstance } from "./instance.ts";
import { allInstances, instancesOf, publicUrl, scaledAppNames, scaledApps } from "./layout.ts";
import { findNginx, startNginx, stopNginx } from "./nginx.ts";
import { killGroupNow } from "./process-group.ts";
import { ScaledStackError } from "./stack-error.ts";

export interface ScaledStackSettings extends DataFolder {
  /** A postgresql:// URL: instances on several processes (or machines) share one database server. */
  databaseUrl: string;
  /**
   * Encrypts PrintShop's session cookie and its stored tokens. Every PrintShop instance must have
   * the same one, or a cookie set by one instance means nothing to the other.
   */
  nextAuthSecret: string;
  /** Any further setting every instance receives (the tests shorten the token lifetimes). */
  extraEnvironment?: Record<string, string>;
}

/**
 * The key of the DPoP nonces (RFC 9449 §8, §9), the same on every instance of an app so that each
 * accepts the others' nonces: derived from the shared secret, for a key used for one purpose only.
 */
function dpopNonceSecret(settings: ScaledStackSettings): string {
  return createHmac("sha256", settings.nextAuthSecret).update("DPoP nonces").digest("base64url");
}

/**
 * What every instance is told: the database, the shared secrets, and where the others are. They
 * are found at the public addresses, through nginx, never at an instance's own port: the issuer
 * and the API's audience stay what they are with one instance of each.
 */
export function instanceEnvironment(settings: ScaledStackSettings): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    NEXTAUTH_SECRET: settings.nextAuthSecret,
    DPOP_NONCE_SECRET: dpopNonceSecret(settings),
    CLIENT_APP_URL: publicUrl("client"),
    ISSUER: publicUrl("authorizationServer"),
    AUTHORIZATION_SERVER_ISSUER: publicUrl("authorizationServer"),
    RESOURCE_API_URL: publicUrl("resourceApi"),
    ...settings.extraEnvironment,
  };
}

function isPostgres(url: string): boolean {
  try {
    return databaseProvider(url) === "postgresql";
  } catch {
    return false;
  }
}

/**
 * Refuses a database the instances cannot share: SQLite is one file, reachable by the processes
 * of one machine, and it serialises every write; the scaled stack runs on PostgreSQL.
 */
export function checkDatabaseUrl(url: string | undefined): string {
  if (url && isPostgres(url)) return url;
  const got = url ? `it is ${describeDatabase(url)}` : "it is not set";
  throw new ScaledStackError(
    `The scaled stack needs DATABASE_URL to name a PostgreSQL database, postgresql://user:password@host:port/database (${got}). ` +
      "Its instances share their state through it.",
  );
}

/** Everything that would keep the stack from starting: nginx missing, a port in use. Empty when all is well. */
export async function findStartProblems(): Promise<string[]> {
  const problems: string[] = [];
  try {
    findNginx();
  } catch (error) {
    problems.push((error as Error).message);
  }
  const ports = [...scaledAppNames.map((app) => scaledApps[app].publicPort), ...allInstances.map((instance) => instance.port)];
  for (const port of ports) {
    const problem = await findPortProblem(port);
    if (problem) problems.push(`port ${port}: ${problem}`);
  }
  return problems;
}

/**
 * Starts every instance, then nginx. If any part fails, whatever did start is stopped again and
 * the error says which part failed and why.
 */
export async function startScaledStack(settings: ScaledStackSettings): Promise<void> {
  checkDatabaseUrl(settings.databaseUrl);
  const problems = await findStartProblems();
  if (problems.length > 0) throw new ScaledStackError(`The scaled stack cannot start:\n  ${problems.join("\n  ")}`);
  const environment = instanceEnvironment(settings);
  rmSync(logsFolder(settings), { recursive: true, force: true });
  mkdirSync(logsFolder(settings), { recursive: true });
  try {
    const started = await Promise.allSettled(allInstances.map((instance) => startInstance(instance, settings, environment)));
    const failures = started.filter((result) => result.status === "rejected").map((result) => (result.reason as Error).message);
    if (failures.length > 0) throw new ScaledStackError(failures.join("\n\n"));
    await startNginx(settings);
  } catch (error) {
    await stopScaledStack(settings);
    throw error;
  }
}

/** Stops nginx first, so that no request reaches an instance that is stopping, then every instance. */
export async function stopScaledStack(data: DataFolder): Promise<void> {
  await stopNginx(data);
  await Promise.all(allInstances.map((instance) => stopInstance(instance, data)));
}

/**
 * A last resort, for a process that is exiting without having stopped the stack (a test run
 * interrupted): SIGKILL to every part, at once, so that none outlives it and holds its port.
 */
export function killScaledStackNow(data: DataFolder): void {
  killGroupNow(nginxPidFile(data));
  for (const instance of allInstances) killGroupNow(instancePidFile(instance, data));
}

/** What runs where, as a table to print once the stack has started. */
export function describeScaledStack(settings: ScaledStackSettings): string {
  const rows = scaledAppNames.map((app) => {
    const instances = instancesOf(app)
      .map((instance) => `${instance.name} :${instance.port}${isRunning(instance, settings) ? "" : " (not running)"}`)
      .join(", ");
    return `   ${scaledApps[app].label.padEnd(20)} ${publicUrl(app).padEnd(22)} → ${instances}`;
  });
  return [
    "",
    "  ── OAuth 2 in seven steps, scaled out ──────────────────────────────────────────────────",
    `   ${"App".padEnd(20)} ${"Public address".padEnd(22)}   Instances (nginx round robin)`,
    ...rows,
    "",
    `   Database             ${describeDatabase(settings.databaseUrl)}`,
    `   nginx configuration  ${nginxConfigFile(settings)}`,
    `   Logs                 ${logsFolder(settings)}/`,
    "   Every answer names the instance that gave it in its X-Upstream header.",
    "   Ctrl-C stops everything.",
    "  ─────────────────────────────────────────────────────────────────────────────────────────",
    "",
  ].join("\n");
}
