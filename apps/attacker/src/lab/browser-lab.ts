import type { AlicesAppAuthorizationServer, AlicesAppCommand, AlicesAppDpop, AlicesAppLeak, AlicesAppRedeem, AlicesAppRefreshed } from "@seven-steps/story";
import type { AttackOutcome, PhaseResult } from "@/attacks/attack";

/** The apps' addresses, as the lab page's scripts need them. */
export interface LabOrigins {
  attacker: string;
  issuer: string;
  resourceApi: string;
  clientApp: string;
}

/** What a card's run can do in the learner's browser. */
export interface BrowserLab {
  runId: string;
  weakened: boolean;
  origins: LabOrigins;
  /** Runs a server-side phase of the attack, as Mallory. */
  phase(name: string, input?: Record<string, unknown>): Promise<PhaseResult>;
  /**
   * Opens alice's app (PrintShop's weak demo client) in a new tab, where alice signs in and allows
   * it, and resolves with what leaks from it. Call it first, before any `await`: browsers open a
   * tab only in answer to a click.
   */
  alicesApp(options?: AlicesAppOptions): Promise<AlicesAppLeak>;
  /**
   * Asks alice's app, its tab kept open (`keepOpen`), to refresh its tokens as it would, and
   * resolves with how the token endpoint answered it. The app's new tokens stay in the app.
   */
  alicesAppRefreshes(): Promise<AlicesAppRefreshed>;
  /** Closes alice's app's tab, if it was kept open. */
  closeAlicesApp(): void;
  /**
   * Opens one of Mallory's pages (under /mallory/) in a new tab, alice's browser being pushed
   * there. The page's address carries the run id. Same rule as alicesApp about `await`.
   */
  openMallorysPage(path: string, query?: Record<string, string>): Window | null;
}

/** What the lab asks of alice's app (packages/story/src/alices-app.ts). */
export interface AlicesAppOptions {
  scope?: string;
  redeem?: AlicesAppRedeem;
  /** The resource server the tokens are to be for (RFC 8707); the PhotoCloud API if left out. */
  resource?: string;
  dpop?: AlicesAppDpop;
  /** Hand over the code_verifier too, as a log of the app's token request would. */
  leakTokenRequest?: boolean;
  /** Keep the tab open after the leak, for {@link BrowserLab.alicesAppRefreshes}. */
  keepOpen?: boolean;
  /** Which of the two authorization servers alice's app knows she starts at; PhotoCloud if left out. */
  authorizationServer?: AlicesAppAuthorizationServer;
  /** A check of alice's app itself to switch off for this run (only `mix-up-iss`; honoured while weakening is on). */
  weaken?: "mix-up-iss";
}

/** What a card runs in the browser: by default, the attack's one server-side phase, "run". */
export type BrowserPart = (lab: BrowserLab) => Promise<AttackOutcome>;

export class RunFailed extends Error {
  override readonly name = "RunFailed";
}

/** 128 random bits, base64url: the run's id, and the capability to read its records. */
export function newRunId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const victimTimeoutMilliseconds = 120_000;
const refreshTimeoutMilliseconds = 15_000;

export function createBrowserLab({ attackId, runId, weakened, origins }: { attackId: string; runId: string; weakened: boolean; origins: LabOrigins }): BrowserLab {
  function openTab(url: string): Window | null {
    return window.open(url, "_blank", "popup=yes,width=900,height=760");
  }
  const clientOrigin = new URL(origins.clientApp).origin;
  let alicesTab: Window | null = null;

  return {
    runId,
    weakened,
    origins,
    async phase(name, input = {}) {
      const response = await fetch(`/api/attacks/${encodeURIComponent(attackId)}/${encodeURIComponent(name)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ runId, weakened, input }),
      });
      const body = (await response.json().catch(() => null)) as (PhaseResult & { error_description?: string }) | null;
      if (!response.ok || body === null) throw new RunFailed(body?.error_description ?? `Mallory's app answered ${response.status}.`);
      return body;
    },
    alicesApp({ scope = "profile photos:read", redeem = "code", resource, dpop = "none", leakTokenRequest = false, keepOpen = false, authorizationServer = "photocloud", weaken } = {}) {
      const url = new URL("/attack-lab/victim", origins.clientApp);
      url.search = new URLSearchParams({
        "attack-run": runId,
        scope,
        redeem,
        dpop,
        as: authorizationServer,
        ...(resource ? { resource } : {}),
        ...(leakTokenRequest ? { leak: "token-request" } : {}),
        ...(keepOpen ? { "keep-open": "true" } : {}),
        ...(weaken ? { weaken } : {}),
      }).toString();
      const tab = openTab(url.toString());
      alicesTab = tab;
      return new Promise<AlicesAppLeak>((resolve, reject) => {
        if (!tab) {
          reject(new RunFailed("The browser blocked the tab of alice's app: allow pop-ups for this page and run it again."));
          return;
        }
        const timer = setTimeout(() => {
          window.removeEventListener("message", onMessage);
          reject(new RunFailed("alice's app did not finish within two minutes: was the sign-in or the consent left open?"));
        }, victimTimeoutMilliseconds);
        function onMessage(event: MessageEvent) {
          const leak = event.data as AlicesAppLeak | undefined;
          if (event.origin !== clientOrigin || leak?.type !== "alices-app" || leak.runId !== runId) return;
          clearTimeout(timer);
          window.removeEventListener("message", onMessage);
          resolve(leak);
        }
        window.addEventListener("message", onMessage);
      });
    },
    alicesAppRefreshes() {
      return new Promise<AlicesAppRefreshed>((resolve, reject) => {
        const tab = alicesTab;
        if (!tab || tab.closed) {
          reject(new RunFailed("alice's app's tab was closed before the run ended: run the attack again."));
          return;
        }
        const timer = setTimeout(() => {
          window.removeEventListener("message", onMessage);
          reject(new RunFailed("alice's app did not answer: was its tab closed?"));
        }, refreshTimeoutMilliseconds);
        function onMessage(event: MessageEvent) {
          const answer = event.data as AlicesAppRefreshed | undefined;
          if (event.origin !== clientOrigin || answer?.type !== "alices-app-refreshed" || answer.runId !== runId) return;
          clearTimeout(timer);
          window.removeEventListener("message", onMessage);
          resolve(answer);
        }
        window.addEventListener("message", onMessage);
        tab.postMessage({ type: "alices-app-refresh", runId } satisfies AlicesAppCommand, clientOrigin);
      });
    },
    closeAlicesApp() {
      alicesTab?.close();
      alicesTab = null;
    },
    openMallorysPage(path, query = {}) {
      const url = new URL(`/mallory/${path.replace(/^\/+/, "")}`, origins.attacker);
      url.search = new URLSearchParams({ ...query, "attack-run": runId }).toString();
      return openTab(url.toString());
    },
  };
}
