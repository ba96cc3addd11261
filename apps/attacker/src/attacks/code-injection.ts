import "server-only";
import { authorizationRequest, authorize, Browser } from "@seven-steps/http-flow";
import { findAttackRun, type RecordedExchange } from "@seven-steps/inspector";
import { rfcSection } from "@seven-steps/protocol";
import { labAttack, weakDemoClientId } from "@seven-steps/story";
import { db } from "@/db";
import { env } from "@/env";
import { OutsideTheLab, TargetDown } from "@/mallory/http";
import type { Attack, AttackOutcome } from "./attack";

/** Mallory's own demo account at PhotoCloud: the one whose code she pushes into alice's browser. */
const malloryAccount = { username: "mallory", password: "mischief" };

/**
 * The sign-in at PrintShop that Mallory's code is made for: PrintShop's own (client `printshop`,
 * next-auth provider `authorization-server`), or, with the defence switched off, the attack lab's
 * weak sign-in (the weak demo client, whose next-auth provider of the same id checks neither state
 * nor PKCE; apps/client/src/auth/provider.ts).
 */
function signInAtPrintShop(weakened: boolean): { clientId: string; provider: string; redirectUri: string } {
  const [clientId, provider] = weakened ? [weakDemoClientId, weakDemoClientId] : ["printshop", "authorization-server"];
  return { clientId, provider, redirectUri: `${env.CLIENT_APP_URL}/api/auth/callback/${provider}` };
}

/** How long the verdict waits for PrintShop's record of the forged callback. */
const verdictWaitMilliseconds = 30_000;

async function recordedCallback(runId: string): Promise<RecordedExchange | undefined> {
  const deadline = Date.now() + verdictWaitMilliseconds;
  for (;;) {
    const flow = await findAttackRun(db, runId);
    const callback = flow?.exchanges.find((exchange) => exchange.kind === "callback" && exchange.recordedBy === "client");
    if (callback || Date.now() > deadline) return callback;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** What PrintShop's answer to the forged callback says: alice's browser signed in, or sent to the sign-in page with an error. */
function signedIn(callback: RecordedExchange): boolean {
  const location = callback.responseHeaders.location;
  if (!location || callback.status < 300 || callback.status > 399) return false;
  const where = new URL(location, env.CLIENT_APP_URL);
  return !where.pathname.startsWith("/sign-in") && !where.pathname.startsWith("/api/auth/error") && !where.searchParams.has("error");
}

/**
 * Attack 2: code injection, the CSRF of RFC 6749 §10.12 at the client's redirect URI. Mallory
 * signs in at PhotoCloud with her own account, as PrintShop, and keeps the code instead of
 * following the redirect. She then sends alice's browser to PrintShop's callback with it. Were
 * PrintShop to accept it, alice would be signed in at PrintShop as Mallory, and whatever she
 * uploads would land in Mallory's photos.
 */
export const codeInjection: Attack = {
  ...labAttack("code-injection"),
  story: {
    wants: "alice signed in at PrintShop with Mallory's PhotoCloud account, so that the photos alice uploads there land in Mallory's account.",
    has: "her own PhotoCloud account (mallory), and a page of her shop that alice opens.",
  },
  steps: [
    "Mallory's server starts a sign-in as PrintShop (client_id printshop, PrintShop's real redirect URI), with a state and a PKCE challenge of her own.",
    "She signs in at PhotoCloud as mallory and allows it. PhotoCloud redirects to PrintShop's callback with a code; Mallory keeps the code and does not follow.",
    "alice opens Mallory's page, which sends alice's browser on to PrintShop's callback with Mallory's code (and PhotoCloud's iss). Mallory leaves her state out: it belongs to her sign-in, not to alice's browser.",
    "If PrintShop accepts the answer, it redeems the code and signs alice's browser in, as Mallory.",
  ],
  defence: {
    summary:
      "PrintShop accepts an answer only for a sign-in this browser started: the state and the PKCE verifier live in cookies of the browser that went to PhotoCloud, and the code is redeemed only with that verifier.",
    see: [rfcSection(9700, "4.7.1"), rfcSection(9700, "4.5"), rfcSection(6749, "10.12")],
  },
  weakening: "callback-state",
  needsVictimBrowser: true,
  phases: {
    async "obtain-code"({ mallory, weakened }) {
      const signIn = signInAtPrintShop(weakened);
      const request = await authorizationRequest({ id: signIn.clientId, redirectUri: signIn.redirectUri }, "profile photos:read photos:write");
      // As PrintShop asks: tokens for the PhotoCloud API (RFC 8707).
      request.query.resource = env.RESOURCE_API_URL;
      const browser = new Browser(env.ISSUER, { send: (url, init) => mallory.fetch(url, init) });
      let answer: URL;
      try {
        answer = await authorize(browser, malloryAccount, request);
      } catch (error) {
        if (error instanceof TargetDown || error instanceof OutsideTheLab) throw error;
        return { outcome: { verdict: "could-not-run", summary: `Mallory could not get a code for her own account: ${(error as Error).message}.` } };
      }
      const code = answer.searchParams.get("code");
      if (!code) {
        const error = answer.searchParams.get("error") ?? "no code";
        return { outcome: { verdict: "could-not-run", summary: `PhotoCloud gave Mallory no code for her own account (${error}).` } };
      }
      return { provider: signIn.provider, code, iss: answer.searchParams.get("iss") ?? "" };
    },

    async verdict({ runId }) {
      const callback = await recordedCallback(runId);
      if (!callback) {
        const why = env.RECORD_PROTOCOL_MESSAGES ? "did alice's tab reach it?" : "the apps are not recording (RECORD_PROTOCOL_MESSAGES=false).";
        return { outcome: { verdict: "could-not-run", summary: `There is no record of PrintShop's answer to alice's browser: ${why}` } };
      }
      const answer = { status: callback.status, body: { location: callback.responseHeaders.location ?? null } };
      const outcome: AttackOutcome = signedIn(callback)
        ? {
            verdict: "succeeded",
            summary:
              "PrintShop accepted Mallory's code in alice's browser and signed it in: alice now uses PrintShop as Mallory, and what she uploads goes to Mallory's photos.",
            answer,
            loot: ["alice's session at PrintShop holds Mallory's account"],
          }
        : {
            verdict: "refused",
            summary: callback.checks.some((check) => check.outcome === "refused")
              ? "PrintShop refused the answer: alice's browser had started no sign-in that it belongs to, so Mallory's code was never redeemed."
              : "PrintShop did not sign alice's browser in with Mallory's code.",
            answer,
          };
      return { outcome };
    },
  },
};
