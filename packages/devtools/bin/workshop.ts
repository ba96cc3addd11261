// `npm run workshop -- --host <address>`: runs a workshop from this machine (README "Running a
// workshop"). The room reaches the apps over plain http at <address>, its address on the room's
// network, which the apps listen on alone, in workshop mode (WORKSHOP_HOST): every page says so.
//
// It checks the address and the ports, builds the apps if they changed (the build also generates
// the database client), migrates and seeds the database, opens the room (its code and the
// instructor's account, through the authorization server's workshop:setup), starts the four
// apps, and prints where they are, the instructor's sign-in, and the join link with its QR code. Ctrl-C (or SIGTERM) stops every app; an app that
// stops by itself stops the others, and the message names it and its log.
//
// Both npm scripts that lead here start with `exec`, and this file runs under `node --import tsx`
// rather than the tsx command: npm passes a SIGTERM on to its child only, and a shell or tsx in
// between would end without passing it on, leaving the apps running.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { networkInterfaces } from "node:os";
import { fileURLToPath } from "node:url";
import QRCode from "qrcode";
import { findPortProblem } from "../src/ports.js";
import { tailOf } from "../src/scaled/process-group.ts";
import { findRoomAddress, RoomAddressError, type RoomAddress } from "../src/workshop/address.ts";
import { AppStartError, logsFolder, startApp, stopApps } from "../src/app-process.ts";
import { parseWorkshopArguments, workshopUsage, WorkshopUsageError, type WorkshopArguments } from "../src/workshop/arguments.ts";
import { readRoomSetup, WorkshopError, type OpenedRoom } from "../src/workshop/room-setup.ts";
import { appPort, joinLink, workshopApps, workshopAppsAt, workshopDataFolder, workshopEnvironment, type WorkshopPlace } from "../src/workshop/layout.ts";
import { describeWorkshop } from "../src/workshop/summary.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

/** Runs a step to its end, its output shown, or kept and returned when `quiet` (shown only if it fails). */
function run(title: string, command: string, args: string[], environment: Record<string, string> = {}, { quiet = false } = {}): string {
  console.info(`\n▸ ${title}`);
  const result = spawnSync(command, args, {
    cwd: repositoryRoot,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, ...environment, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    const output = quiet ? `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() : "(above)";
    if (quiet && output !== "") console.error(output);
    fail(`${title} failed (${result.signal ?? `exit code ${result.status}`})${output === "" ? ", and said nothing" : "; see above"}.`);
  }
  return result.stdout ?? "";
}

let options: WorkshopArguments | "help";
try {
  options = parseWorkshopArguments(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof WorkshopUsageError)) throw error;
  console.error(`\n✖ ${error.message}\n\n${workshopUsage}`);
  process.exit(64);
}
if (options === "help") {
  console.info(workshopUsage);
  process.exit(0);
}

let room: RoomAddress;
try {
  room = await findRoomAddress(options.host);
} catch (error) {
  if (error instanceof RoomAddressError) fail(error.message);
  throw error;
}
const place: WorkshopPlace = { room, portBase: options.portBase };
const dataFolder = workshopDataFolder(options.portBase);

// Checked before the build, which can take minutes, so that a port in use is reported at once.
const problems = await Promise.all(
  workshopApps.map(async (app) => {
    const problem = await findPortProblem(appPort(app, place), room.listen);
    return problem && `${app.label} cannot listen on ${room.urlHost}:${appPort(app, place)}: ${problem}`;
  }),
);
const portProblems = problems.filter((problem) => problem !== null);
if (portProblems.length > 0) fail(`The workshop cannot start:\n  ${portProblems.join("\n  ")}\n  Another --port-base moves all four apps.`);

// Secrets made for this run unless given: PrintShop's sessions and the DPoP nonces then last as
// long as the workshop does.
const environment = workshopEnvironment(place, {
  nextAuthSecret: process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url"),
  dpopNonceSecret: process.env.DPOP_NONCE_SECRET || randomBytes(32).toString("base64url"),
});

if (!options.skipBuild) {
  run("Building the apps (turbo replays an unchanged build from its cache)", "npx", ["turbo", "run", "build", "--filter=./apps/*"]);
}

run("Migrating and seeding the database", "npm", ["run", "db:setup", "--workspace", "@seven-steps/db"]);
const givenCode = options.code ?? process.env.WORKSHOP_CODE;
const setupAnswer = run(
  "Opening the room: its code and the instructor's account",
  "npm",
  ["run", "-s", "workshop:setup", "--workspace", "@seven-steps/authorization-server", "--", "--json", ...(options.code ? ["--code", options.code] : [])],
  environment,
  { quiet: true },
);
let opened: OpenedRoom;
try {
  opened = readRoomSetup(setupAnswer, { code: givenCode, passwordInEnvironment: Boolean(process.env.WORKSHOP_INSTRUCTOR_PASSWORD) });
} catch (error) {
  if (error instanceof WorkshopError) fail(error.message);
  throw error;
}

let stopping = false;
async function stopEverything(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`\n${reason}: stopping the workshop's apps…`);
  await stopApps(workshopApps, dataFolder);
  console.info("Stopped.");
  process.exit(exitCode);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopEverything(signal, 0));

console.info(`\n▸ Starting the apps on ${room.urlHost}`);
rmSync(logsFolder(dataFolder), { recursive: true, force: true });
mkdirSync(logsFolder(dataFolder), { recursive: true });
const started = await Promise.allSettled(workshopAppsAt(place).map((app) => startApp(app, environment, dataFolder)));
const failures = started.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
if (failures.length > 0) {
  stopping = true;
  await stopApps(workshopApps, dataFolder);
  const unexpected = failures.find((error) => !(error instanceof AppStartError));
  if (unexpected) throw unexpected;
  fail(failures.map((error) => error.message).join("\n\n"));
}

for (const result of started) {
  if (result.status !== "fulfilled") continue;
  const { app, child, logFile } = result.value;
  child.once("exit", (exitCode, signal) => {
    if (stopping) return;
    console.error(`\n✖ ${app.label} stopped (${signal ?? `code ${exitCode}`}). Its log, ${logFile}, ends with:\n${tailOf(logFile)}`);
    void stopEverything("One app stopped", 1);
  });
}

const { code, instructorPassword } = opened;
const qrCode = await QRCode.toString(joinLink(place, code), { type: "terminal", small: true });
console.info(
  describeWorkshop({
    ...place,
    code,
    // The authorization server's workshop:setup names the instructor's account so (src/workshop/setup.ts).
    instructor: { username: "instructor", password: instructorPassword },
    qrCode,
    logsFolder: logsFolder(dataFolder),
    interfaces: networkInterfaces(),
  }),
);
