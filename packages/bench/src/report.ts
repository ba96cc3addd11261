// The benchmark's one table, printed and written as JSON, and the targets it is held to.
import { writeFileSync } from "node:fs";
import os from "node:os";
import type { BrowserResult } from "./browser-sign-in.ts";
import type { LoadResult } from "./load.ts";
import type { PostgresRows } from "./postgres.ts";

export interface Measurements {
  frameworkFloor: LoadResult;
  clientCredentials: LoadResult;
  authorizationCode: LoadResult;
  refreshToken: LoadResult;
  resourcePublic: LoadResult;
  resourceProtected: LoadResult;
  browser: BrowserResult;
  /** The same steps against pages that do no work (browser-floor.ts). */
  browserFloor: BrowserResult;
  /** Resident set size of each app after the run, in megabytes. */
  memory: { client: number; authorizationServer: number; resourceApi: number };
  peer: LoadResult;
  /** With `--postgres` only. */
  postgres?: PostgresRows;
}

/** Published figures to compare with, per CPU. */
const published = {
  keycloak: { perCpu: 120, source: "Keycloak's sizing guide: 120 client_credentials grants per second per vCPU" },
  hydra: { perCpu: 513 / 2, source: "Ory Hydra's published benchmark: 513 per second on 2 CPUs, in-memory store" },
};

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);

export interface Target {
  what: string;
  value: string;
  met: boolean;
}

export function machine() {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function targets(m: Measurements): Target[] {
  const floor = m.frameworkFloor.requestsPerSecond;
  const cc = m.clientCredentials.requestsPerSecond;
  // Per request, the framework costs 1/floor; the token endpoint 1/cc. What it adds is ours.
  const ownWork = floor / cc - 1;
  const totalMemory = m.memory.client + m.memory.authorizationServer + m.memory.resourceApi;
  const perCpu = cc / machine().cpus;
  return [
    { what: "client_credentials ≥ 0.8 of the floor", value: String(ratio(cc, floor)), met: cc >= 0.8 * floor },
    {
      what: "protocol, crypto and database work ≤ 1/5 of Next.js's own cost per request",
      value: `${Math.round(ownWork * 100)}%`,
      met: ownWork <= 0.2,
    },
    { what: "client_credentials with zero errors", value: String(m.clientCredentials.errors), met: m.clientCredentials.errors === 0 },
    {
      what: "authorization_code ≥ 0.6 of the floor, zero errors",
      value: `${ratio(m.authorizationCode.requestsPerSecond, floor)}, ${m.authorizationCode.errors} errors`,
      met: m.authorizationCode.requestsPerSecond >= 0.6 * floor && m.authorizationCode.errors === 0,
    },
    {
      what: "refresh_token ≥ 0.6 of the floor, zero errors",
      value: `${ratio(m.refreshToken.requestsPerSecond, floor)}, ${m.refreshToken.errors} errors`,
      met: m.refreshToken.requestsPerSecond >= 0.6 * floor && m.refreshToken.errors === 0,
    },
    {
      what: "resource API: protected ≥ 0.9 of public",
      value: String(ratio(m.resourceProtected.requestsPerSecond, m.resourcePublic.requestsPerSecond)),
      met: m.resourceProtected.requestsPerSecond >= 0.9 * m.resourcePublic.requestsPerSecond,
    },
    { what: "seven steps in a browser: median < 600 ms", value: `${m.browser.medianMilliseconds} ms`, met: m.browser.medianMilliseconds < 600 },
    { what: "three apps < 600 MB RSS together", value: `${totalMemory} MB`, met: totalMemory < 600 },
    {
      what: `beats Keycloak per CPU (${published.keycloak.perCpu}/s)`,
      value: `${Math.round(perCpu)}/s per CPU, ×${ratio(perCpu, published.keycloak.perCpu)}`,
      met: perCpu > published.keycloak.perCpu,
    },
    {
      what: `beats Ory Hydra per CPU (${published.hydra.perCpu}/s)`,
      value: `${Math.round(perCpu)}/s per CPU, ×${ratio(perCpu, published.hydra.perCpu)}`,
      met: perCpu > published.hydra.perCpu,
    },
  ];
}

function loadRow(number: string, name: string, result: LoadResult, floor: number, peer?: number): string[] {
  return [
    number,
    name,
    String(result.requestsPerSecond),
    String(result.p50Milliseconds),
    String(result.p99Milliseconds),
    String(result.errors),
    floor ? ratio(result.requestsPerSecond, floor).toFixed(2) : "",
    peer ? ratio(result.requestsPerSecond, peer).toFixed(2) : "",
  ];
}

/** Rows 2 to 4 again on PostgreSQL, with `--postgres`. */
function postgresTableRows(postgres: PostgresRows | undefined, floor: number, peer: number): string[][] {
  if (!postgres) return [];
  const { oneInstance, twoInstances } = postgres;
  return [
    loadRow("9a", "PostgreSQL, one instance: client_credentials", oneInstance.clientCredentials, floor, peer),
    loadRow("9b", "PostgreSQL, one instance: authorization_code redemption", oneInstance.authorizationCode, floor, peer),
    loadRow("9c", "PostgreSQL, one instance: refresh_token with rotation", oneInstance.refreshToken, floor, peer),
    loadRow("10a", "PostgreSQL, two instances behind nginx: client_credentials", twoInstances.clientCredentials, floor, peer),
    loadRow("10b", "PostgreSQL, two instances behind nginx: authorization_code", twoInstances.authorizationCode, floor, peer),
    loadRow("10c", "PostgreSQL, two instances behind nginx: refresh_token", twoInstances.refreshToken, floor, peer),
  ];
}

function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join(" | ")} |`;
  const rule = `|${widths.map((width, column) => (column >= 2 ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

/** The table, as Markdown, so that it can go into the README as it is. */
export function table(m: Measurements): string {
  const floor = m.frameworkFloor.requestsPerSecond;
  const peer = m.peer.requestsPerSecond;
  const totalMemory = m.memory.client + m.memory.authorizationServer + m.memory.resourceApi;
  const rows = [
    ["#", "Measurement", "req/s", "p50 ms", "p99 ms", "errors", "× floor", "× peer"],
    loadRow("1", "Framework floor: GET /health, authorization server", m.frameworkFloor, floor),
    loadRow("2", "Token endpoint, client_credentials", m.clientCredentials, floor, peer),
    loadRow("3", "Token endpoint, authorization_code redemption", m.authorizationCode, floor, peer),
    loadRow("4", "Token endpoint, refresh_token with rotation", m.refreshToken, floor, peer),
    loadRow("5a", "Resource API, public: GET /health", m.resourcePublic, 0),
    [
      ...loadRow("5b", "Resource API, protected: GET /photos with JWT", m.resourceProtected, 0).slice(0, 6),
      `${ratio(m.resourceProtected.requestsPerSecond, m.resourcePublic.requestsPerSecond).toFixed(2)} of 5a`,
      "",
    ],
    loadRow("8", "Peer: oidc-provider, client_credentials, ES256 JWT", m.peer, floor),
    ...postgresTableRows(m.postgres, floor, peer),
  ];
  const browser =
    `6. Seven steps in a browser (${m.browser.signIns} warm sign-ins, Playwright): median ${m.browser.medianMilliseconds} ms, ` +
    `p95 ${m.browser.p95Milliseconds} ms. The same steps against pages that do no work (the browser's floor): ` +
    `median ${m.browserFloor.medianMilliseconds} ms, p95 ${m.browserFloor.p95Milliseconds} ms; ` +
    `the apps add ${m.browser.medianMilliseconds - m.browserFloor.medianMilliseconds} ms.`;
  const memory =
    `7. Memory after the run (RSS): client ${m.memory.client} MB, authorization server ${m.memory.authorizationServer} MB, ` +
    `resource API ${m.memory.resourceApi} MB; ${totalMemory} MB together.`;
  const ceiling = m.postgres
    ? `11. PostgreSQL itself (pgbench, ${m.postgres.commitsPerSecond} transactions per second of three inserts and one durable commit, at the same connections): ` +
      `the most code redemptions per second this database could take, however many instances send them.`
    : undefined;
  return [columns(rows), "", browser, memory, ...(ceiling ? [ceiling] : [])].join("\n");
}

export function targetList(list: Target[]): string {
  return list.map((target) => `- ${target.met ? "✓" : "✗"} ${target.what}: ${target.value}`).join("\n");
}

export function writeJson(file: string, m: Measurements, list: Target[], settings: Record<string, unknown>): void {
  const document = { ranAt: new Date().toISOString(), machine: machine(), settings, measurements: m, targets: list, published };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
}
