// `npm run demo` as a presenter records it for a README, on a machine without a display: headless,
// at pace 0, against the stack's apps. What it writes is read back as a viewer would meet it: the
// stills and their captions, a video and an animation that decode, and the flow's handout.
import { expect, test } from "@playwright/test";
import { steps } from "@seven-steps/protocol";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { appEnvironment, databaseUrl, repositoryRoot } from "../apps.ts";

interface Still {
  step: number | string;
  file: string;
  caption: string;
}

/** The command, as a person types it, without a display, on the stack's apps and database. */
function runDemo(args: string[]): Promise<{ code: number | null; output: string }> {
  const environment: NodeJS.ProcessEnv = { ...process.env, ...appEnvironment, DATABASE_URL: databaseUrl };
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
    const stills = JSON.parse(readFileSync(path.join(folder, "stills", "stills.json"), "utf8")) as Still[];
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
