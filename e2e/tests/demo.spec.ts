// `npm run demo` as a presenter records it for a README, on a machine without a display: headless,
// at pace 0, against the stack's apps. What it writes is read back as a viewer would meet it: the
// stills and their captions, a video and an animation that decode, and the flow's handout.
import { expect, test } from "@playwright/test";
import { getDatabase } from "@seven-steps/db";
import { steps } from "@seven-steps/protocol";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appEnvironment, apps, databaseUrl, repositoryRoot } from "../apps.ts";
import { accepts } from "../fixtures/port-check.ts";

interface Still {
  step: number | string;
  file: string;
  caption: string;
}

/** The command, as a person types it, without a display, on the stack's apps and database unless told otherwise. */
function runDemo(args: string[], configuration: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...appEnvironment, DATABASE_URL: databaseUrl, ...configuration };
  delete environment.DISPLAY;
  delete environment.WAYLAND_DISPLAY;
  const command = spawn("npm", ["run", "-s", "demo", "--", ...args], { cwd: repositoryRoot, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  command.stdout.on("data", (chunk) => (output += chunk));
  command.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => command.once("exit", (code) => resolve({ code, output })));
}

/** Width and height from a PNG's IHDR chunk, after its 8-byte signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** ffprobe's view of a file's first video stream. */
function probe(file: string): { codec_name: string; width: number; height: number; nb_read_frames: string } {
  const result = spawnSync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "json", file], {
    encoding: "utf8",
  });
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { streams: ReturnType<typeof probe>[] }).streams[0]!;
}

test("npm run demo -- --record <folder> --pace 0 plays the seven steps without a display and records them", async () => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(path.join(tmpdir(), "seven-steps-demo-"));
  try {
    const { code, output } = await runDemo(["--record", folder, "--pace", "0"]);
    expect(code, output).toBe(0);
    expect(output).toContain("Recording without a window");

    // One still per step, each with its step's caption as the page showed it when it was taken.
    const stills = stillsOf(folder);
    const ofSteps = stills.filter((still) => typeof still.step === "number");
    expect(ofSteps.map((still) => still.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const [index, still] of ofSteps.entries()) {
      const step = steps[index]!;
      expect(still.caption).toContain(`Step ${step.number} of 7 · ${step.title}`);
      // Both windows, side by side: the flow and the inspector.
      expect(pngSize(path.join(folder, "stills", still.file))).toEqual({ width: 1920, height: 760 });
    }
    expect(ofSteps[2]!.caption).toContain("The code is in the address bar, not the page");
    // The address shown at step 3 carries the code, masked.
    expect(ofSteps[2]!.caption).toMatch(/\?code=[\w-]{4}…&state=/);

    const video = probe(path.join(folder, "demo.mp4"));
    expect(video).toMatchObject({ codec_name: "h264", width: 1920, height: 760 });
    expect(Number(video.nb_read_frames)).toBeGreaterThan(10);
    const animation = probe(path.join(folder, "demo.gif"));
    expect(animation).toMatchObject({ codec_name: "gif", width: 1280 });
    expect(Number(animation.nb_read_frames)).toBeGreaterThan(5);
    expect(readFileSync(path.join(folder, "demo.gif")).subarray(0, 6).toString("latin1")).toBe("GIF89a");

    // The handout of this flow: all seven steps happened, the member's password masked.
    const handout = readFileSync(path.join(folder, "handout.md"), "utf8");
    expect(handout).toContain("```mermaid\nsequenceDiagram");
    for (const step of steps) expect(handout).toContain(`### ${step.number}. ${step.title}`);
    expect(handout).not.toContain("(did not happen)");
    expect(handout).toMatch(/"username": "demo-[0-9a-f]{6}"/);
    expect(handout).toContain('"password": "••••••••"');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/** The stills a run wrote, as stills.json lists them. */
function stillsOf(folder: string): Still[] {
  return JSON.parse(readFileSync(path.join(folder, "stills", "stills.json"), "utf8")) as Still[];
}

test("npm run demo -- --deny starts the apps that are not running, plays steps 1 to 3 and the refusal, and stops them", async () => {
  test.setTimeout(240_000);
  // Forty ports above the stack's, where nothing runs, on a database of the run's own.
  const ports = [apps.client.port + 40, apps.client.port + 41, apps.client.port + 42];
  const folder = mkdtempSync(path.join(tmpdir(), "seven-steps-demo-deny-"));
  const urls = {
    CLIENT_APP_URL: `http://localhost:${ports[0]}`,
    ISSUER: `http://localhost:${ports[1]}`,
    AUTHORIZATION_SERVER_ISSUER: `http://localhost:${ports[1]}`,
    RESOURCE_API_URL: `http://localhost:${ports[2]}`,
    ATTACKER_URL: `http://localhost:${apps.client.port + 43}`,
  };
  const database = `file:${path.join(folder, "demo.db")}`;
  try {
    for (const port of ports) expect(await accepts("localhost", port)).toBe(false);
    // The seed registers PrintShop's redirect URI on the demo's port 3000; these apps run elsewhere.
    const setup = spawnSync("npm", ["run", "-s", "db:setup", "--workspace", "@seven-steps/db"], { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: database }, encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const seeded = getDatabase(database);
    await seeded.clientRedirectUri.create({ data: { clientId: "printshop", uri: `${urls.CLIENT_APP_URL}/api/auth/callback/authorization-server` } });
    await seeded.$disconnect();

    const { code, output } = await runDemo(["--record", folder, "--pace", "0", "--deny", "--skip-build"], { ...urls, DATABASE_URL: database });
    expect(code, output).toBe(0);
    expect(output).toContain(`Not answering: PhotoCloud Accounts (${urls.ISSUER}), PhotoCloud API (${urls.RESOURCE_API_URL}), PrintShop (${urls.CLIENT_APP_URL}). Starting them.`);
    expect(output).toContain("Stopping the apps the demo started: PhotoCloud Accounts, PhotoCloud API, PrintShop.");

    const stills = stillsOf(folder);
    expect(stills.map((still) => still.step)).toEqual([1, 2, 3, "end"]);
    expect(stills[1]!.caption).toContain("This time the member clicks Deny.");
    expect(stills[2]!.caption).toContain("Step 3 of 7 · Authorization code");
    expect(stills[2]!.caption).toContain("error=access_denied");
    expect(stills[3]!.caption).toContain("Steps 4 to 7 never happen");
    const handout = readFileSync(path.join(folder, "handout.md"), "utf8");
    expect(handout).toContain("access_denied");
    expect(handout).toContain("### 4. Access token request");
    expect(handout).toContain("(did not happen)");
    for (const port of ports) expect(await accepts("localhost", port)).toBe(false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("npm run demo -- --attack stolen-code --theme dark plays attack 1 from the attack lab, refused by the PKCE check", async () => {
  test.setTimeout(120_000);
  const folder = mkdtempSync(path.join(tmpdir(), "seven-steps-demo-attack-"));
  try {
    const { code, output } = await runDemo(["--record", folder, "--pace", "0", "--attack", "stolen-code", "--theme", "dark"]);
    expect(code, output).toBe(0);
    const stills = stillsOf(folder);
    expect(stills.map((still) => still.step)).toEqual(["story", "outcome", "inspector"]);
    expect(stills[0]!.caption).toContain("Attack 1 · A stolen authorization code, redeemed without the PKCE verifier");
    expect(stills[1]!.caption).toContain("Refused: Mallory did not get what she wanted");
    expect(stills[1]!.caption).toContain("code_verifier");
    expect(stills[1]!.caption).toContain("RFC 7636");
    // The run's handout: Mallory is a participant, and her refused token request is there.
    const handout = readFileSync(path.join(folder, "handout.md"), "utf8");
    expect(handout).toContain("participant M as Attacker");
    expect(handout).toMatch(/Mallory's token .*POST \S+\/token → 400/);
    expect(probe(path.join(folder, "demo.mp4")).codec_name).toBe("h264");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("npm run demo names an unknown option or attack, and lists the valid ones", async () => {
  const option = await runDemo(["--fast"]);
  expect(option.code).toBe(64);
  expect(option.output).toContain("Unknown option --fast.");
  for (const valid of ["--pace <seconds>", "--step", "--record <folder>", "--deny", "--attack <name>", "--theme <light|dark>"]) expect(option.output).toContain(valid);

  const attack = await runDemo(["--attack", "sql-injection"]);
  expect(attack.code).toBe(64);
  expect(attack.output).toContain('There is no attack "sql-injection" in the attack lab.');
  expect(attack.output).toContain("stolen-code");
  expect(attack.output).toContain("12. ");
});

test("npm run demo without a display and without --record says so, and how to record instead", async () => {
  const { code, output } = await runDemo(["--pace", "0"]);
  expect(code).toBe(1);
  expect(output).toContain("There is no display to open Chromium's window on");
  expect(output).toContain("npm run demo -- --record <folder>");
});
