// The browser the demo plays in: one Chromium, one browser context (so that both windows share
// the member's cookies, as two windows of one person's browser do), and two windows: the flow on
// the left, and PrintShop's live inspector of that flow on the right.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { themeCookieName } from "@seven-steps/ui/theme";
import { chromiumArgs, chromiumExecutablePath } from "../chromium.ts";
import { DisplayError, isDisplayFailure, noWindowAdvice } from "./display.ts";
import type { Box } from "./ffmpeg.ts";

/** Without a window, each page is this large: the two side by side make a 1920×760 picture. */
export const headlessBox: Box = { width: 960, height: 760 };

/** The share of the screen's width the flow's window takes; the inspector has the rest. */
const flowShare = 0.42;

export interface StageOptions {
  headless: boolean;
  theme?: "light" | "dark";
  /** The apps' origins, where the theme's cookie goes. */
  origins: readonly string[];
  /** Called with each window as it opens, left to right (the recording watches them). */
  onWindow?: (page: Page, box: Box) => Promise<void>;
}

export class Stage {
  private inspectorPage: Page | undefined;
  private readonly sessions = new Map<Page, Promise<CDPSession>>();

  private constructor(
    readonly browser: Browser,
    readonly context: BrowserContext,
    /** The window the flow plays in. */
    readonly flow: Page,
    private readonly headless: boolean,
    private readonly onWindow: StageOptions["onWindow"],
  ) {}

  static async open({ headless, theme, origins, onWindow }: StageOptions): Promise<Stage> {
    let browser: Browser;
    try {
      browser = await chromium.launch({ headless, executablePath: chromiumExecutablePath(), args: chromiumArgs });
    } catch (error) {
      if (!headless && isDisplayFailure(error)) {
        throw new DisplayError(`Chromium could not open a window: ${(error as Error).message.split("\n")[0]}\n${noWindowAdvice}`);
      }
      throw error;
    }
    // With a window, each page fills its window; without, each is one box of the recording.
    const context = await browser.newContext(headless ? { viewport: headlessBox, deviceScaleFactor: 1 } : { viewport: null });
    if (theme) await context.addCookies(origins.map((url) => ({ name: themeCookieName, value: theme, url })));
    const flow = await context.newPage();
    const stage = new Stage(browser, context, flow, headless, onWindow);
    if (!headless) await stage.placeWindow(flow, await stage.screenArea(), "left");
    await onWindow?.(flow, await stage.box());
    return stage;
  }

  /** The inspector's window, once opened. */
  get inspector(): Page | undefined {
    return this.inspectorPage;
  }

  /** Every window, left to right. */
  get pages(): Page[] {
    return this.inspectorPage ? [this.flow, this.inspectorPage] : [this.flow];
  }

  /**
   * Opens `url` in a second window of the same browser, beside the flow's. A page the flow's
   * window opens with window.open is a window of its own, where a second page of the context
   * would be a tab hidden behind the first.
   */
  async openInspector(url: string): Promise<Page> {
    const opened = this.context.waitForEvent("page");
    await this.flow.evaluate((href) => void window.open(href, "seven-steps-inspector", "popup,noopener"), url);
    const inspector = await opened;
    if (!this.headless) await this.placeWindow(inspector, await this.screenArea(), "right");
    this.inspectorPage = inspector;
    await this.onWindow?.(inspector, await this.box());
    await inspector.waitForLoadState();
    return inspector;
  }

  private async screenArea(): Promise<{ left: number; top: number; width: number; height: number }> {
    return this.flow.evaluate(() => {
      // availLeft and availTop are Chromium's, not the standard's: where the desktop's free area begins.
      const area = screen as Screen & { availLeft?: number; availTop?: number };
      return { left: area.availLeft ?? 0, top: area.availTop ?? 0, width: area.availWidth, height: area.availHeight };
    });
  }

  /** Puts a window on the left or right part of the screen, through the DevTools Protocol. */
  private async placeWindow(page: Page, area: { left: number; top: number; width: number; height: number }, side: "left" | "right"): Promise<void> {
    const session = await this.context.newCDPSession(page);
    const { windowId } = await session.send("Browser.getWindowForTarget");
    const flowWidth = Math.round(area.width * flowShare);
    const bounds = side === "left" ? { left: area.left, width: flowWidth } : { left: area.left + flowWidth, width: area.width - flowWidth };
    await session.send("Browser.setWindowBounds", { windowId, bounds: { windowState: "normal" } });
    await session.send("Browser.setWindowBounds", { windowId, bounds: { ...bounds, top: area.top, height: area.height } });
    await session.detach();
  }

  /** A DevTools Protocol session with the page, one per page. */
  session(page: Page): Promise<CDPSession> {
    let session = this.sessions.get(page);
    if (!session) {
      session = this.context.newCDPSession(page);
      this.sessions.set(page, session);
    }
    return session;
  }

  /** The box each window's picture fits in: its size without a window, the largest window's with. */
  async box(): Promise<Box> {
    if (this.headless) return headlessBox;
    const sizes = await Promise.all(this.pages.map((page) => page.evaluate(() => ({ width: innerWidth, height: innerHeight }))));
    const even = (value: number) => value - (value % 2);
    return { width: even(Math.max(...sizes.map((size) => size.width))), height: even(Math.max(...sizes.map((size) => size.height))) };
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}
