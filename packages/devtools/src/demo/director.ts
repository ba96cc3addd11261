// The demo's rhythm: before each step, its caption goes over the page and says it in the terminal
// too; then the demo waits, the pace's seconds or the presenter's key; and when recording, it
// takes the step's still, with the caption it shows.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { captionShown, showCaption } from "./caption-overlay.ts";
import type { Caption } from "./captions.ts";
import { composeStill } from "./ffmpeg.ts";
import { nextKeyPress } from "./keys.ts";
import type { Stage } from "./stage.ts";

/** A still as stills.json lists it: the caption is the one the page's DOM showed when it was taken. */
export interface Still {
  /** The step it shows (1 to 7), or the name of a moment that is no step (an attack's scenes). */
  step: number | string;
  file: string;
  caption: string;
}

export interface DirectorOptions {
  paceSeconds: number;
  stepByKey: boolean;
  /** Where stills go when recording: `<record>/stills`. */
  stillsFolder?: string;
  log: (line: string) => void;
}

export class Director {
  readonly stills: Still[] = [];

  constructor(
    private readonly stage: Stage,
    private readonly options: DirectorOptions,
  ) {
    if (options.stillsFolder) mkdirSync(options.stillsFolder, { recursive: true });
  }

  /** The delay between two typed characters: a person's typing, or none at pace 0. */
  get typingDelay(): number {
    return this.options.paceSeconds > 0 ? 60 : 0;
  }

  /**
   * One beat: `caption` over `page` (the flow's window unless said), then the pause, then the
   * still named `still`, if any and if recording.
   */
  async beat(caption: Caption, { page = this.stage.flow, still }: { page?: Page; still?: number | string } = {}): Promise<void> {
    this.options.log(`\n  ${caption.heading}\n  ${caption.sentence}${caption.address ? `\n  ${caption.address}` : ""}`);
    await showCaption(await this.stage.session(page), caption);
    if (this.options.stepByKey) {
      this.options.log("  (press a key to go on)");
      await nextKeyPress();
    } else if (this.options.paceSeconds > 0) await page.waitForTimeout(this.options.paceSeconds * 1000);
    if (still !== undefined && this.options.stillsFolder) await this.takeStill(page, still);
  }

  /** A short pause that scales with the pace: for the member's clicks, so the audience sees them. */
  async breathe(page: Page = this.stage.flow): Promise<void> {
    if (this.options.paceSeconds > 0) await page.waitForTimeout(Math.min(1000, this.options.paceSeconds * 250));
  }

  private async takeStill(captioned: Page, step: number | string): Promise<void> {
    const folder = this.options.stillsFolder!;
    const name = typeof step === "number" ? `step-${step}` : step;
    // Through the DevTools Protocol, as the caption is (caption-overlay.ts): the browser may be held.
    const shots = await Promise.all(
      this.stage.pages.map(async (page, index) => {
        const file = path.join(folder, `.${name}-${index}.png`);
        const { data } = await (await this.stage.session(page)).send("Page.captureScreenshot", { format: "png" });
        writeFileSync(file, Buffer.from(data, "base64"));
        return file;
      }),
    );
    // Read when the still is taken, from the page itself: what the still shows.
    const caption = await captionShown(await this.stage.session(captioned));
    const file = path.join(folder, `${name}.png`);
    await composeStill(shots, await this.stage.box(), file);
    for (const shot of shots) rmSync(shot, { force: true });
    this.stills.push({ step, file: path.basename(file), caption: caption ?? "" });
  }

  /** Writes stills.json beside the stills. */
  writeStillsList(): void {
    if (!this.options.stillsFolder) return;
    writeFileSync(path.join(this.options.stillsFolder, "stills.json"), `${JSON.stringify(this.stills, null, 2)}\n`);
  }
}
