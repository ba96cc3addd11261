// `npm run demo`: plays OAuth's seven steps for an audience (README "Demo mode"). It checks its
// arguments, then that it can open a window (or records without one), starts the apps that do not
// answer, makes a fresh PhotoCloud member (so the consent screen shows), and plays the story in
// Chromium: the flow on the left, PrintShop's live inspector on the right, a caption before each
// step. With --record it writes the video, the animation, the stills and the handout.
//
// The npm script that leads here starts with `exec`, and this file runs under `node --import tsx`,
// so that Ctrl-C and SIGTERM reach it, and it can stop the apps it started.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { labAttacks } from "@seven-steps/story";
import { AppStartError, commandDataFolder, killAppsNow, logsFolder, startApp, stopApps, type AppToStart } from "../src/app-process.ts";
import { appsNotAnswering, demoApps } from "../src/demo/apps.ts";
import { demoUsage, DemoUsageError, parseDemoArguments, type DemoArguments } from "../src/demo/arguments.ts";
import { playAttack } from "../src/demo/attack-story.ts";
import { Director } from "../src/demo/director.ts";
import { DisplayError, missingDisplay, noWindowAdvice } from "../src/demo/display.ts";
import { ffmpegMissing, RecordingError } from "../src/demo/ffmpeg.ts";
import { canReadKeys, nextKeyPress } from "../src/demo/keys.ts";
import { readDemoMember } from "../src/demo/member.ts";
import { recordedFiles, Recording } from "../src/demo/recording.ts";
import { playSignIn } from "../src/demo/sign-in-story.ts";
import { Stage } from "../src/demo/stage.ts";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dataFolder = commandDataFolder("demo");

function fail(message: string, exitCode = 1): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(exitCode);
}

/** Runs a step to its end, its output kept and shown only if it fails. */
function run(title: string, command: string, args: string[]): string {
  console.info(`▸ ${title}`);
  const result = spawnSync(command, args, {
    cwd: repositoryRoot,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) fail(`${title} failed (${result.signal ?? `exit code ${result.status}`}):\n${`${result.stdout}${result.stderr}`.trim()}`);
  return result.stdout;
}

let options: DemoArguments | "help";
try {
  options = parseDemoArguments(process.argv.slice(2), labAttacks);
} catch (error) {
  if (!(error instanceof DemoUsageError)) throw error;
  console.error(`\n✖ ${error.message}\n\n${demoUsage(labAttacks)}`);
  process.exit(64);
}
if (options === "help") {
  console.info(demoUsage(labAttacks));
  process.exit(0);
}

// npm runs this in packages/devtools; a relative --record names a folder where the person is.
const recordFolder = options.record === undefined ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), options.record);
if (recordFolder) {
  const missing = ffmpegMissing();
  if (missing) fail(missing);
}
let headless = options.headless;
const noDisplay = missingDisplay(process.env, process.platform);
if (!headless && noDisplay) {
  if (!recordFolder) fail(`${noDisplay}\n${noWindowAdvice}`);
  console.info(`${noDisplay} Recording without a window.`);
  headless = true;
}
if (options.stepByKey && !canReadKeys()) fail("--step waits for keys pressed in a terminal, and this command's input is not one.", 64);

// The apps: those that answer are used as they are; the others are started, and stopped at the end.
const apps = demoApps(process.env);
const needed = [apps.authorizationServer, apps.resourceApi, apps.client, ...(options.story.kind === "attack" ? [apps.attacker] : [])];
const started: AppToStart[] = [];
async function stopStartedApps(): Promise<void> {
  if (started.length > 0) await stopApps(started, dataFolder);
}
// Whatever ends this process, the apps it started end with it.
process.on("exit", () => killAppsNow(started, dataFolder));
const notAnswering = await appsNotAnswering(needed);
if (notAnswering.length > 0) {
  console.info(`\nNot answering: ${notAnswering.map((app) => `${app.label} (${app.url})`).join(", ")}. Starting ${notAnswering.length === 1 ? "it" : "them"}.`);
  if (!options.skipBuild) run("Building the apps (turbo replays an unchanged build from its cache)", "npx", ["turbo", "run", "build", "--filter=./apps/*"]);
  run("Migrating and seeding the database", "npm", ["run", "db:setup", "--workspace", "@seven-steps/db"]);
  console.info(`▸ Starting ${notAnswering.map((app) => app.label).join(", ")} (logs in ${logsFolder(dataFolder)})`);
  // This run's logs only: the message of an app that fails quotes the end of its log.
  rmSync(logsFolder(dataFolder), { recursive: true, force: true });
  mkdirSync(logsFolder(dataFolder), { recursive: true });
  started.push(...notAnswering);
  const results = await Promise.allSettled(notAnswering.map((app) => startApp(app, {}, dataFolder)));
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
  if (failures.length > 0) {
    await stopStartedApps();
    if (failures.some((error) => !(error instanceof AppStartError))) throw failures[0];
    fail(failures.map((error) => error.message).join("\n\n"));
  }
}

let stage: Stage | undefined;
let stopping = false;
async function stopEverything(exitCode: number): Promise<never> {
  stopping = true;
  await stage?.close();
  if (started.length > 0) console.info(`Stopping the apps the demo started: ${started.map((app) => app.label).join(", ")}.`);
  await stopStartedApps();
  process.exit(exitCode);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopEverything(130));

const member = readDemoMember(
  run("Making a fresh PhotoCloud member for this run", "npm", ["run", "-s", "demo:member", "--workspace", "@seven-steps/authorization-server", "--", "--json"]),
);
console.info(`  ${member.name} (${member.username}): no consent given yet, so PhotoCloud will ask.`);

const recording = recordFolder ? new Recording(recordFolder) : undefined;
try {
  stage = await Stage.open({
    headless,
    theme: options.theme,
    origins: [apps.client.url, apps.authorizationServer.url, apps.resourceApi.url, apps.attacker.url],
    onWindow: recording ? (page, box) => recording.watch(page, box) : undefined,
  });
  const director = new Director(stage, {
    paceSeconds: options.paceSeconds,
    stepByKey: options.stepByKey,
    stillsFolder: recordFolder && path.join(recordFolder, recordedFiles.stills),
    log: (line) => console.info(line),
  });
  const handout =
    options.story.kind === "attack"
      ? await playAttack(director, stage, apps.attacker.url, member, options.story.attack)
      : await playSignIn(director, stage, { client: apps.client.url, issuer: apps.authorizationServer.url }, member, options.story.deny);
  recording?.writeHandout(handout);
  if (recording && recordFolder) {
    director.writeStillsList();
    console.info("\n▸ Encoding the recording with ffmpeg");
    await recording.finish(await stage.box());
    const written = Object.values(recordedFiles).filter((file) => existsSync(path.join(recordFolder, file)));
    console.info(`\nRecorded in ${recordFolder}:\n${written.map((file) => `   ${file}`).join("\n")}`);
  }
  if (!headless && canReadKeys() && !stopping) {
    console.info("\nThe demo is over. Press a key to close the browser.");
    await nextKeyPress();
  }
} catch (error) {
  recording?.discard();
  if (stopping) await new Promise(() => undefined);
  if (error instanceof DisplayError || error instanceof RecordingError) {
    await stage?.close();
    await stopStartedApps();
    fail(error.message);
  }
  console.error(`\n✖ The demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  await stopEverything(1);
}
await stopEverything(0);
