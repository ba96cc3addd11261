// Stopping the browser at the door of a step, so that its caption can be read first. The messages
// of OAuth's front channel are redirects: the authorization request (step 1) is PrintShop's 303
// to PhotoCloud, the code (step 3) PhotoCloud's redirect back. Playwright's page.route() is not
// called for the requests a redirect leads to, so the gate uses the Chrome DevTools Protocol's
// Fetch domain, which pauses every request that matches, redirected or not.
// https://chromedevtools.github.io/devtools-protocol/tot/Fetch/
//
// A page whose next load is paused cannot be written to (Chromium defers Runtime.evaluate until
// the load ends), and the caption must go onto it. So the gate does not keep the request waiting:
// it cancels it before it is sent, which leaves the browser on the page it was on, with the cookies
// of every redirect before it already stored; and `go()` later makes the browser load that same
// address itself, which is the request the apps then receive.
import type { CDPSession, Page } from "playwright-core";

/** A page load the gate stopped: where the browser was going, and the way to send it there. */
export interface StoppedLoad {
  url: string;
  /** Loads `url` in the page, as the redirect would have; a later stop of the gate may end it early. */
  go(): Promise<void>;
}

export class NavigationGate {
  private waiting: { matches: (url: URL) => boolean; resolve: (stopped: StoppedLoad) => void } | undefined;

  private constructor(
    private readonly page: Page,
    session: CDPSession,
  ) {
    session.on("Fetch.requestPaused", (event) => {
      const waiting = this.waiting;
      if (event.resourceType === "Document" && waiting && waiting.matches(new URL(event.request.url))) {
        this.waiting = undefined;
        void session.send("Fetch.failRequest", { requestId: event.requestId, errorReason: "Aborted" }).catch(() => undefined);
        waiting.resolve({ url: event.request.url, go: () => this.load(event.request.url) });
      } else void session.send("Fetch.continueRequest", { requestId: event.requestId }).catch(() => undefined);
    });
  }

  /** A gate on the page's loads of the URLs that start with one of `prefixes`; it stops none until asked. */
  static async on(page: Page, prefixes: readonly string[]): Promise<NavigationGate> {
    const session = await page.context().newCDPSession(page);
    const gate = new NavigationGate(page, session);
    await session.send("Fetch.enable", { patterns: prefixes.map((prefix) => ({ urlPattern: `${prefix}*`, requestStage: "Request" as const })) });
    return gate;
  }

  /**
   * Stops the next page load that `matches`, from now on: call it before the click that leads
   * there, and await it after. Loads that do not match go on.
   */
  stopNext(matches: (url: URL) => boolean): Promise<StoppedLoad> {
    return new Promise((resolve) => {
      this.waiting = { matches, resolve };
    });
  }

  private async load(url: string): Promise<void> {
    try {
      await this.page.goto(url, { waitUntil: "commit" });
    } catch (error) {
      // The load redirected to an address the gate was told to stop at: that stop is awaited elsewhere.
      if (!/net::ERR_ABORTED/.test((error as Error).message)) throw error;
    }
  }
}
