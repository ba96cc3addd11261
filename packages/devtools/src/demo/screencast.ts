// What a page shows, frame by frame, as Chromium paints it: the DevTools Protocol's screencast,
// which Playwright's own video recording also uses. Playwright encodes that video with an ffmpeg
// build it downloads, which these machines cannot; so the demo keeps the frames (JPEG files, each
// with the moment it was painted) and Debian's ffmpeg turns them into the video (ffmpeg.ts).
// https://chromedevtools.github.io/devtools-protocol/tot/Page/#method-startScreencast
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";

/** One painted frame: its file, and when it was painted (milliseconds since the epoch). */
export interface Frame {
  file: string;
  at: number;
}

export class Screencast {
  readonly frames: Frame[] = [];

  private constructor(private readonly session: CDPSession) {}

  /** Starts keeping the page's frames, as `<folder>/<name>-<n>.jpg`, at most `size` large. */
  static async start(page: Page, folder: string, name: string, size: { width: number; height: number }): Promise<Screencast> {
    const session = await page.context().newCDPSession(page);
    const screencast = new Screencast(session);
    session.on("Page.screencastFrame", ({ data, metadata, sessionId }) => {
      const file = path.join(folder, `${name}-${String(screencast.frames.length).padStart(5, "0")}.jpg`);
      writeFileSync(file, Buffer.from(data, "base64"));
      screencast.frames.push({ file, at: metadata.timestamp === undefined ? Date.now() : metadata.timestamp * 1000 });
      // Chromium sends the next frame only once this one is acknowledged.
      void session.send("Page.screencastFrameAck", { sessionId }).catch(() => undefined);
    });
    await session.send("Page.startScreencast", { format: "jpeg", quality: 85, maxWidth: size.width, maxHeight: size.height });
    return screencast;
  }

  async stop(): Promise<void> {
    await this.session.send("Page.stopScreencast").catch(() => undefined);
  }
}
