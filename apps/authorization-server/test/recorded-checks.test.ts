// "What was checked" comes from the request itself: each check that ran on a recorded request is
// stored with it, in order, with its outcome, and a refused request ends with the check that
// refused it.
import type { CheckRun } from "@seven-steps/protocol";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { POST as passwordEndpoint } from "@/app/sign-in/password/route";
import {
  alice,
  authorizationRequest,
  authorize,
  formRequest,
  obtainRecordedCode,
  pkce,
  registerClient,
  signIn,
  token,
} from "./fixtures.ts";

/** The checks stored with the newest recorded exchange of a kind whose request carried `marker`. */
async function recordedChecks(kind: string, marker: string): Promise<CheckRun[]> {
  const exchange = await db.protocolExchange.findFirstOrThrow({
    where: { kind, OR: [{ url: { contains: marker } }, { requestBody: { contains: marker } }] },
    orderBy: { createdAt: "desc" },
  });
  return JSON.parse(exchange.checks ?? "[]") as CheckRun[];
}

const outcomes = (checks: CheckRun[]) => checks.map((check) => [check.rule, check.outcome]);

describe("the checks recorded with each request", () => {
  it("a token request lists every check that ran, in order, all passed", async () => {
    const client = await registerClient();
    const issued = await obtainRecordedCode(client);
    const response = await token(client, {
      grant_type: "authorization_code",
      code: issued.code,
      redirect_uri: client.redirectUri,
      code_verifier: issued.verifier,
    });
    expect(response.status).toBe(200);

    const checks = await recordedChecks("token", client.id);
    expect(outcomes(checks)).toEqual([
      ["grant_type is one this server offers: authorization_code, refresh_token or client_credentials", "passed"],
      ["the client authenticates with its registered method, the secret compared as a hash in constant time", "passed"],
      ["the client is registered for this grant type", "passed"],
      ["the code was issued by this server to the client that authenticated (looked up by its hash)", "passed"],
      ["the code has not expired (codes live 60 seconds)", "passed"],
      ["the redirect_uri is the one the code was sent to", "passed"],
      ["the code_verifier hashes to the code_challenge of step 1", "passed"],
      ["the resource of the token request, if named, is the one the user authorized", "passed"],
      ["the code is used once, consumed atomically; a second use revokes what the first one issued", "passed"],
    ]);
    for (const check of checks) {
      expect(check.checkedBy).toBe("authorization-server");
      expect(check.see).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-[\d.]+$/);
    }
  });

  it("a wrong code_verifier: the checks before it passed, and it refused the request with its RFC section", async () => {
    const client = await registerClient();
    const issued = await obtainRecordedCode(client);
    const { verifier: another } = await pkce();
    const response = await token(client, {
      grant_type: "authorization_code",
      code: issued.code,
      redirect_uri: client.redirectUri,
      code_verifier: another,
    });
    expect(response.status).toBe(400);

    const checks = await recordedChecks("token", client.id);
    const last = checks.at(-1)!;
    expect(last).toMatchObject({
      rule: "the code_verifier hashes to the code_challenge of step 1",
      outcome: "refused",
      detail: "invalid_grant: The code_verifier does not match the code_challenge of the authorization request.",
      see: "https://www.rfc-editor.org/rfc/rfc7636#section-4.6",
      source: "apps/authorization-server/src/oauth/grants/authorization-code.ts",
    });
    expect(checks.slice(0, -1).every((check) => check.outcome === "passed")).toBe(true);
    expect(checks).toHaveLength(7);
  });

  it("a replayed code: the use-once check refuses it", async () => {
    const client = await registerClient();
    const issued = await obtainRecordedCode(client);
    const fields = { grant_type: "authorization_code", code: issued.code, redirect_uri: client.redirectUri, code_verifier: issued.verifier };
    expect((await token(client, fields)).status).toBe(200);
    expect((await token(client, fields)).status).toBe(400);

    const checks = await recordedChecks("token", client.id);
    expect(checks.at(-1)).toMatchObject({ outcome: "refused", see: "https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2" });
    expect(checks.at(-1)!.rule).toMatch(/^the code is used once/);
  });

  it("an authorization request with plain PKCE: the client and redirect URI passed, PKCE refused it, and the error went to a client this server trusts", async () => {
    const client = await registerClient();
    const { challenge } = await pkce();
    const cookie = await signIn();
    const request = authorizationRequest(client, challenge, { code_challenge_method: "plain" });
    const response = await authorize(request, cookie);
    expect(response.status).toBe(303);

    const checks = await recordedChecks("authorization-request", challenge);
    expect(outcomes(checks)).toEqual([
      ["client_id names a registered client", "passed"],
      ["redirect_uri equals a registered URI, character for character", "passed"],
      ["response_type is code, and the client may use the authorization code grant", "passed"],
      ["a PKCE code_challenge with the S256 method", "refused"],
      ["an error is redirected by itself only to a redirect URI this server trusts: a client an operator registered", "passed"],
    ]);
    expect(checks.at(-2)!.detail).toBe("invalid_request: Transform algorithm not supported: code_challenge_method 'plain'. Use S256.");
  });

  it("a wrong password: the form's origin and the throttle passed, the password check refused", async () => {
    const { challenge } = await pkce();
    const request = authorizationRequest(await registerClient(), challenge);
    expect((await authorize(request)).status).toBe(303);
    const returnTo = `/authorize?${new URLSearchParams(request)}`;
    const response = await passwordEndpoint(formRequest("/sign-in/password", { ...alice, password: "not the password", return_to: returnTo }));
    expect(response.status).toBe(303);

    const checks = await recordedChecks("sign-in", challenge);
    expect(outcomes(checks)).toEqual([
      ["the form was posted from one of this server's own pages (Sec-Fetch-Site, or Origin)", "passed"],
      ["sign-in is not paused for this account after too many failures", "passed"],
      ["the password, against its Argon2id hash, here at the authorization server only", "refused"],
    ]);
    expect(JSON.stringify(checks)).not.toContain("not the password");
  });
});
