// `--record <folder>`: the run's frames while it plays, then the video and the animation made of
// them, and the handout; the stills are the director's (director.ts).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { encodeRecording, type Box } from "./ffmpeg.ts";
import { Screencast } from "./screencast.ts";

/** What --record writes, all in its folder. */
export const recordedFiles = {
  video: "demo.mp4",
  animation: "demo.gif",
  stills: "stills",
  handout: "handout.md",
} as const;

export class Recording {
  private readonly screencasts: Screencast[] = [];
  private readonly start = Date.now();
  private readonly framesFolder: string;

  constructor(readonly folder: string) {
    this.framesFolder = path.join(folder, ".frames");
    rmSync(this.framesFolder, { recursive: true, force: true });
    mkdirSync(this.framesFolder, { recursive: true });
  }

  /** Starts keeping a window's frames; windows are laid left to right in the order they are watched. */
  async watch(page: Page, box: Box): Promise<void> {
    this.screencasts.push(await Screencast.start(page, this.framesFolder, `window-${this.screencasts.length}`, box));
  }

  /** Stops keeping frames, writes the video and the animation, and throws the frames away. */
  async finish(box: Box): Promise<void> {
    const end = Date.now();
    await Promise.all(this.screencasts.map((screencast) => screencast.stop()));
    try {
      await encodeRecording({
        tracks: this.screencasts.map((screencast) => screencast.frames),
        start: this.start,
        end,
        box,
        workFolder: this.framesFolder,
        video: path.join(this.folder, recordedFiles.video),
        animation: path.join(this.folder, recordedFiles.animation),
      });
    } finally {
      rmSync(this.framesFolder, { recursive: true, force: true });
    }
  }

  /** Throws the frames away, for a run that did not finish. */
  discard(): void {
    rmSync(this.framesFolder, { recursive: true, force: true });
  }

  writeHandout(markdown: string): void {
    writeFileSync(path.join(this.folder, recordedFiles.handout), markdown);
  }
}
