// Debian's ffmpeg makes the recording: the two windows' frames side by side, as a video (H.264
// MP4, for a talk's slides or a player) and an animation (GIF, for a README), and each still.
// Why ffmpeg and not Playwright's video: see screencast.ts.
// https://ffmpeg.org/ffmpeg-formats.html#concat-1 (the frames, each for as long as it was on screen)
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Frame } from "./screencast.ts";

/** Why a recording could not be made, in words for the person who ran the demo. */
export class RecordingError extends Error {
  override readonly name = "RecordingError";
}

/** Each window's picture is fitted into a box of this size, and the boxes stand side by side. */
export interface Box {
  width: number;
  height: number;
}

/** Frames per second of the video, and of the animation, which must stay small. */
const videoFps = 10;
const animationFps = 5;
/** The animation's width: a README shows it in a column about this wide. */
const animationWidth = 1280;
const background = "0x0b1220";

/** Null when ffmpeg is there; otherwise what to do about it. */
export function ffmpegMissing(): string | null {
  const probe = spawnSync("ffmpeg", ["-version"], { stdio: "ignore" });
  return probe.error || probe.status !== 0
    ? "--record needs ffmpeg, which is not installed: on Debian or Ubuntu, `sudo apt-get install ffmpeg` (.ci/run installs it on a fresh machine)."
    : null;
}

/**
 * ffmpeg's concat list for one window: each frame for as long as it was on screen, from `start`
 * to `end` (milliseconds since the epoch). The first frame stands for the time before it too; the
 * last is named twice, because the concat demuxer ignores the last duration otherwise.
 */
export function concatList(frames: readonly Frame[], start: number, end: number): string {
  if (frames.length === 0) throw new RecordingError("A window painted no frame: there is nothing to record.");
  const lines = ["ffconcat version 1.0"];
  frames.forEach((frame, index) => {
    const from = index === 0 ? start : Math.max(frame.at, start);
    const until = Math.max(index + 1 < frames.length ? frames[index + 1]!.at : end, from + 1);
    lines.push(`file '${frame.file.replaceAll("'", "'\\''")}'`, `duration ${((until - from) / 1000).toFixed(3)}`);
  });
  lines.push(`file '${frames.at(-1)!.file.replaceAll("'", "'\\''")}'`);
  return `${lines.join("\n")}\n`;
}

/** The filter that fits each input into its box and puts the boxes side by side, ending at [out]. */
export function sideBySideFilter(inputs: number, box: Box, perInput = ""): string {
  const fitted = Array.from(
    { length: inputs },
    (_, index) =>
      `[${index}:v]${perInput}scale=${box.width}:${box.height}:force_original_aspect_ratio=decrease,` +
      `pad=${box.width}:${box.height}:(ow-iw)/2:(oh-ih)/2:color=${background},setsar=1[box${index}]`,
  );
  const boxes = Array.from({ length: inputs }, (_, index) => `[box${index}]`).join("");
  return `${fitted.join(";")};${boxes}${inputs > 1 ? `hstack=inputs=${inputs}` : "null"}[out]`;
}

async function ffmpeg(args: string[]): Promise<void> {
  const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    child.once("error", () => resolve(-1));
    child.once("close", resolve);
  });
  if (code !== 0) throw new RecordingError(`ffmpeg could not make the recording (exit code ${code}):\n${errors.trim().split("\n").slice(-8).join("\n")}`);
}

/**
 * Writes the video and the animation of the windows' frames (one track per window, left to right)
 * from `start` to `end`.
 */
export async function encodeRecording(options: {
  tracks: readonly (readonly Frame[])[];
  start: number;
  end: number;
  box: Box;
  workFolder: string;
  video: string;
  animation: string;
}): Promise<void> {
  const { tracks, start, end, box, workFolder } = options;
  const inputs = tracks.flatMap((frames, index) => {
    const list = path.join(workFolder, `track-${index}.ffconcat`);
    writeFileSync(list, concatList(frames, start, end));
    return ["-f", "concat", "-safe", "0", "-i", list];
  });
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    sideBySideFilter(tracks.length, box, `fps=${videoFps},`),
    "-map",
    "[out]",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "28",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    options.video,
  ]);
  // One palette for the whole animation, built from what changes between frames, and only the
  // rectangle that changed written for each frame: a mostly still page costs little.
  await ffmpeg([
    ...inputs,
    "-filter_complex",
    `${sideBySideFilter(tracks.length, box, `fps=${animationFps},`)};` +
      `[out]scale='min(${animationWidth},iw)':-2:flags=lanczos,split[a][b];[a]palettegen=max_colors=128:stats_mode=diff[palette];` +
      `[b][palette]paletteuse=dither=none:diff_mode=rectangle[gif]`,
    "-map",
    "[gif]",
    "-loop",
    "0",
    options.animation,
  ]);
}

/** One still of the windows side by side, from a screenshot of each. */
export async function composeStill(screenshots: readonly string[], box: Box, output: string): Promise<void> {
  await ffmpeg([...screenshots.flatMap((file) => ["-i", file]), "-filter_complex", sideBySideFilter(screenshots.length, box), "-map", "[out]", "-frames:v", "1", output]);
}
