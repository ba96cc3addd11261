// Holding the browser at the door of a step, so that its caption can be read first. The messages
// of OAuth's front channel are redirects: the authorization request (step 1) is PrintShop's 302
// to PhotoCloud, the code (step 3) PhotoCloud's 302 back. Playwright's page.route() is not called
// for the requests a redirect leads to, so the gate uses the Chrome DevTools Protocol's Fetch
// domain, which pauses every request that matches, redirected or not, until it is let go.
// https://chromedevtools.github.io/devtools-protocol/tot/Fetch/
import type { CDPSession, Page } from "playwright-core";

/** A page load the gate holds: where the browser is going, and the way to let it go on. */
export interface HeldRequest {
  url: string;
  release(): Promise<void>;
}

export class NavigationGate {
  private waiting: { matches: (url: URL) => boolean; resolve: (held: HeldRequest) => void } | undefined;

  private constructor(private readonly session: CDPSession) {
    session.on("Fetch.requestPaused", (event) => {
      const release = () => session.send("Fetch.continueRequest", { requestId: event.requestId }).then(() => undefined, () => undefined);
      const waiting = this.waiting;
      if (event.resourceType === "Document" && waiting && waiting.matches(new URL(event.request.url))) {
        this.waiting = undefined;
        waiting.resolve({ url: event.request.url, release });
      } else void release();
    });
  }

  /** A gate on the page's loads of the URLs that start with one of `prefixes`; it holds none until asked. */
  static async on(page: Page, prefixes: readonly string[]): Promise<NavigationGate> {
    const session = await page.context().newCDPSession(page);
    const gate = new NavigationGate(session);
    await session.send("Fetch.enable", { patterns: prefixes.map((prefix) => ({ urlPattern: `${prefix}*`, requestStage: "Request" as const })) });
    return gate;
  }

  /**
   * Holds the next page load that `matches`, from now on: call it before the click that leads
   * there, and await it after. Loads that do not match go on at once.
   */
  holdNext(matches: (url: URL) => boolean): Promise<HeldRequest> {
    return new Promise((resolve) => {
      this.waiting = { matches, resolve };
    });
  }
}
