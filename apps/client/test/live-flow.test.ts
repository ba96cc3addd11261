// "How this worked, live": which flow a browser may see, by the PKCE verifier it holds or by its
// session, and nothing for anyone else.
import { createRecorder } from "@seven-steps/inspector/recorder";
import { computeCodeChallenge, generateCodeVerifier } from "@seven-steps/protocol";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { printShopCookies } from "@/auth/cookies";
import type { SignedInUser } from "@/auth/session";
import { db } from "@/db";
import { sessionSecret } from "@/env";
import { liveFlow } from "@/live-flow";

const authorizationServer = createRecorder({ app: "authorization-server", enabled: true, database: db });

/** The cookie next-auth sets when it sends the browser to PhotoCloud (next-auth/core/lib/oauth/checks.js). */
function verifierCookie(verifier: string, { secret = sessionSecret, salt = printShopCookies.pkceCodeVerifier!.name, maxAge = 900 } = {}) {
  return encode({ token: { value: verifier, provider: "authorization-server" }, secret, salt, maxAge });
}

/** Step 1 as PhotoCloud records it: a new flow, linked to the request's code_challenge. */
async function startSignIn(verifier: string, subject?: string): Promise<void> {
  const challenge = await computeCodeChallenge(verifier);
  await authorizationServer.record(() => ({
    kind: "authorization-request",
    steps: [1],
    from: "user",
    to: "authorization-server",
    request: { method: "GET", url: `http://localhost:3001/authorize?code_challenge=${challenge}`, headers: new Headers() },
    response: new Response(null, { status: 303, headers: { location: "/sign-in" } }),
    belongsTo: { challenge },
    startsFlow: true,
    subject,
  }));
}

/** The flow a sign-in with this verifier started, as the recorder linked it. */
async function flowIdOf(verifier: string): Promise<string> {
  const flow = await liveFlow({ verifierCookie: await verifierCookie(verifier), user: null });
  return flow!.id;
}

function member(subject: string, flowId?: string): SignedInUser {
  return { name: "Alice", username: "alice", sid: "a-session", subject, flowId };
}

describe("the flow a browser sees live", () => {
  it("is the sign-in this browser started, found by the verifier in its PKCE cookie, before anyone has signed in", async () => {
    const verifier = generateCodeVerifier();
    await startSignIn(verifier);
    const flow = await liveFlow({ verifierCookie: await verifierCookie(verifier), user: null });
    expect(flow?.exchanges.map((exchange) => [exchange.kind, exchange.steps])).toEqual([["authorization-request", [1]]]);
  });

  it("is the newer sign-in when the browser starts another, even while signed in with an older one", async () => {
    const older = generateCodeVerifier();
    const newer = generateCodeVerifier();
    await startSignIn(older, "alice-sub");
    await startSignIn(newer);
    const olderFlow = await flowIdOf(older);
    const newerFlow = await flowIdOf(newer);
    expect(newerFlow).not.toBe(olderFlow);

    const flow = await liveFlow({ verifierCookie: await verifierCookie(newer), user: member("alice-sub", olderFlow) });
    expect(flow?.id).toBe(newerFlow);
  });

  it("is the signed-in member's own sign-in once the PKCE cookie is gone, and nobody else's", async () => {
    const verifier = generateCodeVerifier();
    await startSignIn(verifier, "alice-sub");
    const flowId = await flowIdOf(verifier);

    expect((await liveFlow({ verifierCookie: undefined, user: member("alice-sub", flowId) }))?.id).toBe(flowId);
    // A session that names someone else's flow (it cannot, but the rule must not depend on that).
    expect(await liveFlow({ verifierCookie: undefined, user: member("bob-sub", flowId) })).toBeNull();
  });

  it("is nothing for a browser with neither a verifier nor a session, or with a sign-in that was not recorded", async () => {
    expect(await liveFlow({ verifierCookie: undefined, user: null })).toBeNull();
    expect(await liveFlow({ verifierCookie: undefined, user: member("alice-sub") })).toBeNull();
    expect(await liveFlow({ verifierCookie: await verifierCookie(generateCodeVerifier()), user: null })).toBeNull();
  });

  it("is nothing, and no error, for a cookie that does not decode, and then the session decides", async () => {
    const verifier = generateCodeVerifier();
    await startSignIn(verifier, "alice-sub");
    const flowId = await flowIdOf(verifier);

    const unusable = [
      "junk",
      "",
      `${await verifierCookie(verifier)}x`,
      await verifierCookie(verifier, { secret: "another-secret-that-is-at-least-32-characters" }),
      // next-auth's state cookie, say: encrypted with the same secret, but for another cookie.
      await verifierCookie(verifier, { salt: printShopCookies.state!.name }),
      await verifierCookie(verifier, { maxAge: -60 }),
      await verifierCookie("too-short-for-a-verifier"),
    ];
    for (const cookie of unusable) {
      expect(await liveFlow({ verifierCookie: cookie, user: null }), cookie).toBeNull();
      expect((await liveFlow({ verifierCookie: cookie, user: member("alice-sub", flowId) }))?.id, cookie).toBe(flowId);
    }
  });
});
