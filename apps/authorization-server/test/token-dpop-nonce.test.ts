// DPOP_REQUIRE_NONCE=true: every DPoP proof at the token endpoint must carry a nonce this server
// handed out (RFC 9449 §8), and the nonces of one instance work at every other that shares
// DPOP_NONCE_SECRET.
import { createDpopProof, generateDpopKeyPair, type TokenResponse } from "@seven-steps/protocol";
import { asAnotherInstance } from "@seven-steps/db/testing";
import { describe, expect, it, vi } from "vitest";
import { basic, formRequest, issuer, registerServiceClient, token } from "./fixtures.ts";
import { expectTokenError } from "./token-assertions.ts";

vi.hoisted(() => {
  // eslint-disable-next-line no-restricted-properties -- configuring the app under test, as test/setup.ts does
  Object.assign(process.env, { DPOP_REQUIRE_NONCE: "true", DPOP_NONCE_SECRET: "the nonce secret every instance of this test shares" });
});

const request = { htm: "POST", htu: `${issuer}/token` };

describe("POST /token when nonces are required (use_dpop_nonce, RFC 9449 §8)", () => {
  it("answers a proof without a nonce with 400 use_dpop_nonce and a DPoP-Nonce, and accepts the retry", async () => {
    const client = await registerServiceClient();
    const keyPair = await generateDpopKeyPair();
    const fields = { grant_type: "client_credentials", scope: "photos:read" };

    const first = await token(client, fields, { headers: { dpop: await createDpopProof(keyPair, request) } });
    const body = await expectTokenError(first, "use_dpop_nonce");
    expect(body.error_description).toMatch(/requires a nonce/);
    const nonce = first.headers.get("dpop-nonce")!;
    expect(nonce).toMatch(/^\d+\.[\w-]{22}$/);

    const retried = await token(client, fields, { headers: { dpop: await createDpopProof(keyPair, { ...request, nonce }) } });
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as TokenResponse).token_type).toBe("DPoP");
  });

  it("accepts at one instance the nonce another instance handed out", async () => {
    const client = await registerServiceClient();
    const keyPair = await generateDpopKeyPair();
    const fields = { grant_type: "client_credentials", scope: "photos:read" };
    const nonce = (await token(client, fields, { headers: { dpop: await createDpopProof(keyPair, request) } })).headers.get("dpop-nonce")!;

    const other = await asAnotherInstance(() => import("@/app/token/route"));
    const response = await other.POST(
      formRequest("/token", fields, {
        origin: null,
        headers: { authorization: basic(client.id, client.secret!), dpop: await createDpopProof(keyPair, { ...request, nonce }) },
      }),
    );
    expect(response.status).toBe(200);
  });
});
