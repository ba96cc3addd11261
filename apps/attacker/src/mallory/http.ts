import "server-only";
import { weakeningRequestHeader } from "@seven-steps/story";
import { env, targetOrigins } from "@/env";

/** Mallory announces herself, so that the inspector can draw her lane (packages/inspector). */
export const malloryUserAgent = "Mallory (seven-steps attack lab)";

/** Mallory was about to send a request outside this repository's apps: it never leaves. */
export class OutsideTheLab extends Error {
  override readonly name = "OutsideTheLab";
}

/** An app Mallory attacks did not answer: the run cannot happen, and the lab says which app. */
export class TargetDown extends Error {
  override readonly name = "TargetDown";
}

const appNames: [url: string, name: string][] = [
  [env.ISSUER, "The authorization server"],
  [env.RESOURCE_API_URL, "The PhotoCloud API"],
  [env.CLIENT_APP_URL, "PrintShop"],
  [env.ATTACKER_URL, "Mallory's own app"],
];

function nameOf(origin: string): string {
  return appNames.find(([url]) => new URL(url).origin === origin)?.[1] ?? origin;
}

/**
 * Mallory's HTTP client, for one run of one attack. It sends only to the configured apps of this
 * repository; every request carries the run's id, so that the apps' records of it join the run,
 * and, for a run with its defence switched off, the name of that defence (honoured only by apps
 * started for the lab, and only where the defence is per request).
 */
export class Mallory {
  constructor(
    readonly runId: string,
    private readonly weakenedDefence?: string,
  ) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    if (!targetOrigins.has(target.origin)) throw new OutsideTheLab(`Mallory only attacks this repository's apps, not ${target.origin}.`);
    const headers = new Headers(init.headers);
    headers.set("attack-run", this.runId);
    headers.set("user-agent", malloryUserAgent);
    if (this.weakenedDefence) headers.set(weakeningRequestHeader, this.weakenedDefence);
    try {
      return await fetch(target, { ...init, headers, redirect: "manual", signal: init.signal ?? AbortSignal.timeout(10_000) });
    } catch (error) {
      throw new TargetDown(`${nameOf(target.origin)} at ${target.origin} is not answering. Start it (npm run dev) and run the attack again.`, {
        cause: error,
      });
    }
  }

  /** A form post, as a client sends to the token endpoint. */
  postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields),
    });
  }
}
