// `npm run bench -- --postgres`: rows 2 to 4 again, with the authorization server on PostgreSQL,
// first one instance, then two behind nginx (the scaled stack of `npm run start:scaled`, moved
// to the benchmark's ports), and the ceiling of that PostgreSQL itself, all on a throwaway
// cluster that keeps PostgreSQL's durable defaults (every commit waits for the disk), as a real
// one would.
import { binaries, startPostgresCluster } from "@seven-steps/db/postgres-cluster";
import { startScaledStack, stopScaledStack } from "@seven-steps/devtools/scaled/stack";
import { randomBytes } from "node:crypto";
import { execFileSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { FlowUser } from "@seven-steps/http-flow";
import pg from "pg";
import { dataFolder, startApp, stop } from "./apps.ts";
import { registerServiceClient, registerWebClient } from "./clients.ts";
import { createDatabase, createMembers } from "./database.ts";
import { connections, durationSeconds, warmUp } from "./load.ts";
import { clientCredentialsLoad, codeMinter, measureTokenRows, redeemCodes, type TokenRows } from "./token-endpoint.ts";

export interface PostgresRows {
  /** Rows 2 to 4 with one authorization server on PostgreSQL. */
  oneInstance: TokenRows;
  /** The same through nginx, with two authorization server instances (and two of each other app). */
  twoInstances: TokenRows;
  /**
   * Write transactions per second that this PostgreSQL commits, each inserting three rows (a
   * code redemption writes a grant and two tokens in one), at the same 16 connections: the most
   * code redemptions per second it could ever take, however many instances send them.
   */
  commitsPerSecond: number;
}

/** What `pgbench` measures: three inserts and one commit per transaction, as fast as it can. */
async function measureCommits(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE TABLE bench_commits (id bigserial PRIMARY KEY, note text NOT NULL, at timestamp(3) NOT NULL DEFAULT now())");
  await client.end();
  const script = path.join(dataFolder, "commits.sql");
  writeFileSync(script, ["BEGIN;", ...["grant", "access token", "refresh token"].map((note) => `INSERT INTO bench_commits (note) VALUES ('${note}');`), "END;", ""].join("\n"));
  const output = execFileSync(
    path.join(binaries(), "pgbench"),
    ["--no-vacuum", "--client", String(connections), "--jobs", "2", "--time", String(durationSeconds), "--file", script, url],
    { encoding: "utf8" },
  );
  const tps = /tps = ([\d.]+)/.exec(output)?.[1];
  if (!tps) throw new Error(`pgbench printed no rate:\n${output}`);
  return Math.round(Number(tps));
}

/** Rows 2 to 4 against whatever answers at the authorization server's address, after a warm-up. */
async function measureWarm(member: FlowUser, say: (message: string) => void): Promise<TokenRows> {
  const serviceClient = await registerServiceClient();
  const webClient = await registerWebClient();
  const mintCodes = await codeMinter(webClient, member);
  await redeemCodes(webClient, await mintCodes(200));
  await warmUp(clientCredentialsLoad(serviceClient));
  return measureTokenRows(serviceClient, webClient, mintCodes, say);
}

export async function postgresRows(say: (message: string) => void, running: { process: ChildProcess }[]): Promise<PostgresRows> {
  say("PostgreSQL: a throwaway cluster, migrated and seeded");
  const cluster = await startPostgresCluster({ durable: true });
  try {
    cluster.createDatabase("bench");
    const url = cluster.url("bench");
    createDatabase(url);
    const [member] = await createMembers(1, url);

    say("PostgreSQL: one authorization server");
    const authorizationServer = await startApp("authorizationServer", { databaseUrl: url });
    running.push(authorizationServer);
    const oneInstance = await measureWarm(member!, (message) => say(`PostgreSQL, one instance: ${message}`));
    await stop(authorizationServer.process);

    say("PostgreSQL: two instances of each app behind nginx");
    const stack = { folder: path.join(dataFolder, "scaled"), databaseUrl: url, nextAuthSecret: randomBytes(32).toString("base64url") };
    await startScaledStack({ ...stack, extraEnvironment: { NODE_ENV: "production", RECORD_PROTOCOL_MESSAGES: "false" } });
    let twoInstances: TokenRows;
    try {
      twoInstances = await measureWarm(member!, (message) => say(`PostgreSQL, two instances: ${message}`));
    } finally {
      await stopScaledStack(stack);
    }

    say("PostgreSQL: its own commit rate (pgbench)");
    const commitsPerSecond = await measureCommits(cluster.url("bench"));
    return { oneInstance, twoInstances, commitsPerSecond };
  } finally {
    cluster.stop();
  }
}
