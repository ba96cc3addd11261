// Which flow PrintShop's "How this worked, live" (/inspector/live) may show this browser: the
// sign-in it is making, or has just made.
import "server-only";
import { findFlow, findFlowById, findFlowId, type Flow } from "@seven-steps/inspector";
import { computeCodeChallenge, isCodeVerifier } from "@seven-steps/protocol";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { printShopCookies } from "@/auth/cookies";
import { currentUser, type SignedInUser } from "@/auth/session";
import { db } from "@/db";
import { sessionSecret } from "@/env";

const verifierCookie = printShopCookies.pkceCodeVerifier!.name;

/** What a browser brings that may entitle it to see a flow. */
export interface BrowserCredentials {
  /** next-auth's PKCE cookie, as the browser sent it: the code_verifier, encrypted by next-auth. */
  verifierCookie: string | undefined;
  /** The member signed in at PrintShop in this browser, if any. */
  user: SignedInUser | null;
}

/**
 * The code_verifier in next-auth's PKCE cookie, which next-auth encrypts with its secret, the
 * cookie's name as the salt (next-auth/core/lib/oauth/checks.js). Undefined for a cookie that does
 * not decrypt, has expired or holds no verifier: a visitor's junk is no reason to fail.
 */
async function verifierIn(cookie: string): Promise<string | undefined> {
  const payload = await decode({ token: cookie, secret: sessionSecret, salt: verifierCookie }).catch(() => null);
  const value: unknown = payload?.value;
  return typeof value === "string" && isCodeVerifier(value) ? value : undefined;
}

/**
 * The sign-in this browser started: the flow the authorization server linked, at step 1, to the
 * code_challenge of the verifier in its PKCE cookie. Holding the verifier proves the browser
 * started that sign-in: PrintShop made the verifier for it alone, sent only its S256 hash to
 * PhotoCloud, and keeps it in an encrypted HttpOnly cookie until the callback consumes it. Anyone
 * can send PhotoCloud a challenge; nobody can work back from it to the verifier.
 *
 * What it does not prove is who then signs in at PhotoCloud: a browser that hands its
 * authorization link to someone else sees their steps 1 to 3 here, every secret masked as always.
 *
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 */
async function flowOfVerifier(cookie: string | undefined, now: Date): Promise<Flow | null> {
  const verifier = cookie === undefined ? undefined : await verifierIn(cookie);
  if (verifier === undefined) return null;
  const flowId = await findFlowId(db, "challenge", await computeCodeChallenge(verifier));
  return flowId === null ? null : findFlowById(db, flowId, now);
}

/**
 * The flow to show live: the sign-in this browser started (its PKCE verifier), else the signed-in
 * member's own sign-in, as /inspector/[flowId] shows it; null for anyone else. A newer sign-in
 * from the same browser comes with a new verifier, and so replaces the flow shown.
 */
export async function liveFlow({ verifierCookie, user }: BrowserCredentials, now = new Date()): Promise<Flow | null> {
  const started = await flowOfVerifier(verifierCookie, now);
  if (started) return started;
  return user?.flowId ? findFlow(db, user.flowId, user.subject, now) : null;
}

/** {@link liveFlow} for the browser of the request being answered. */
export async function liveFlowOfThisBrowser(): Promise<Flow | null> {
  return liveFlow({ verifierCookie: (await cookies()).get(verifierCookie)?.value, user: await currentUser() });
}
