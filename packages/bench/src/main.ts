// npm run bench [-- --json <file>] [-- --postgres]
//
// Starts the three production builds (which `npm run bench` builds first) on a fresh database,
// measures the hot paths under load with autocannon and the seven steps in Chromium, then the
// same client_credentials load against panva's oidc-provider, and prints one table. Only ratios
// taken in one run on one machine mean anything: the machine and the load generator are shared.
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { checkPorts, residentMegabytes, startApp, stop, type RunningApp } from "./apps.ts";
import { measureBrowserSignIns, measuredSignIns, warmUpSignIns } from "./browser-sign-in.ts";
import { registerServiceClient, registerWebClient } from "./clients.ts";
import { createDatabase, createMembers, database, registerPrintShopRedirectUri } from "./database.ts";
import { frameworkFloorLoad } from "./framework-floor.ts";
import { combined, connections, durationSeconds, measure, warmUp } from "./load.ts";
import { peerClientCredentialsLoad, startPeer } from "./peer.ts";
import { machine, table, targetList, targets, writeJson, type Measurements } from "./report.ts";
import { photoListLoad, publicRouteLoad } from "./resource-api.ts";
import { postgresRows } from "./postgres.ts";
import { clientCredentialsLoad, codeMinter, measureTokenRows, redeemCodes } from "./token-endpoint.ts";

const { values } = parseArgs({ options: { json: { type: "string" }, postgres: { type: "boolean", default: false } } });
const started = Date.now();

function step(message: string): void {
  console.info(`[${Math.round((Date.now() - started) / 1000)}s] ${message}`);
}

const running: (RunningApp | { process: ChildProcess })[] = [];
async function stopAll(): Promise<void> {
  await Promise.all(running.map((app) => stop(app.process)));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stopAll().then(() => process.exit(130)));

async function run(): Promise<Measurements> {
  await checkPorts();
  step("creating a fresh database");
  createDatabase();
  await registerPrintShopRedirectUri();
  const [codeMember, ...browserMembers] = await createMembers(1 + warmUpSignIns + measuredSignIns);
  await database.$disconnect();

  step("starting the three production builds");
  const [client, authorizationServer, resourceApi] = await Promise.all([
    startApp("client"),
    startApp("authorizationServer"),
    startApp("resourceApi"),
  ]);
  running.push(client, authorizationServer, resourceApi);
  const serviceClient = await registerServiceClient();
  const webClient = await registerWebClient();

  step("warming up");
  const mintCodes = await codeMinter(webClient, codeMember!);
  const warmUpCodes = await mintCodes(200);
  const [signIn] = await redeemCodes(webClient, warmUpCodes);
  for (const load of [frameworkFloorLoad(), clientCredentialsLoad(serviceClient), publicRouteLoad(), photoListLoad(signIn!.access_token)]) {
    await warmUp(load);
  }

  step(`1. framework floor, first run (${connections} connections, ${durationSeconds} s each)`);
  const floorBefore = await measure(frameworkFloorLoad());
  const { clientCredentials, authorizationCode, refreshToken } = await measureTokenRows(serviceClient, webClient, mintCodes, step);

  step(`1. framework floor, second run (the first: ${floorBefore.requestsPerSecond} requests per second)`);
  const floorAfter = await measure(frameworkFloorLoad());
  const frameworkFloor = combined(floorBefore, floorAfter);
  console.info(`  ${floorAfter.requestsPerSecond} requests per second; the floor is their mean, ${frameworkFloor.requestsPerSecond}`);

  step("5. resource API, public and protected");
  const resourcePublic = await measure(publicRouteLoad());
  const resourceProtected = await measure(photoListLoad(signIn!.access_token));

  step(`6. the seven steps in Chromium, ${warmUpSignIns} + ${measuredSignIns} sign-ins, each followed by one at the floor`);
  const { apps: browser, floor: browserFloor } = await measureBrowserSignIns(browserMembers);

  step("7. memory");
  const memory = {
    client: residentMegabytes(client.process.pid!),
    authorizationServer: residentMegabytes(authorizationServer.process.pid!),
    resourceApi: residentMegabytes(resourceApi.process.pid!),
  };
  await stopAll();
  running.length = 0;

  const postgres = values.postgres ? await postgresRows(step, running) : undefined;
  running.length = 0;

  step("8. peer: oidc-provider, client_credentials");
  const peerProcess = await startPeer();
  running.push({ process: peerProcess });
  await warmUp(peerClientCredentialsLoad());
  const peer = await measure(peerClientCredentialsLoad());
  await stopAll();

  return {
    frameworkFloor,
    clientCredentials,
    authorizationCode,
    refreshToken,
    resourcePublic,
    resourceProtected,
    browser,
    browserFloor,
    memory,
    peer,
    ...(postgres ? { postgres } : {}),
  };
}

try {
  const measurements = await run();
  const list = targets(measurements);
  const { cpus, cpuModel, memoryGiB, node } = machine();
  console.info(`\nOn ${cpus} CPUs (${cpuModel}), ${memoryGiB} GiB, Node.js ${node}; load generator on the same machine.\n`);
  console.info(table(measurements));
  console.info(`\nTargets:\n${targetList(list)}`);
  if (values.json) {
    writeJson(values.json, measurements, list, { connections, durationSeconds });
    console.info(`\nWritten to ${values.json}.`);
  }
  step("done");
} catch (error) {
  await stopAll();
  console.error(`\n✖ The benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
