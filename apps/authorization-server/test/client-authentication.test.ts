import type { TokenErrorResponse } from "@seven-steps/protocol";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as tokenEndpoint } from "@/app/token/route";
import { db } from "@/db";
import { hashSecret } from "@/secrets/secret-hash";
import { basic, formRequest, obtainCode, registerClient, registerServiceClient, token, type TestClient } from "./fixtures.ts";
import { countTokensOf, expectNoStore, expectTokenError, expectTokens } from "./token-assertions.ts";

/** The request the confidential clients below make: a token for themselves (RFC 6749 §4.4). */
const clientCredentials = { grant_type: "client_credentials", scope: "photos:read" };

/** Calls the token endpoint with exactly these fields and headers, adding no credentials. */
function tokenRequest(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return token(null, fields, { headers });
}

/** `Authorization: Basic` with a raw string, for credentials the fixture would never build. */
function rawBasic(credentials: string): string {
  return `Basic ${Buffer.from(credentials, "utf8").toString("base64")}`;
}

/**
 * RFC 6749 §5.2: after a failed attempt with the Authorization header the server must answer 401
 * and name the scheme the client should use in WWW-Authenticate.
 */
async function expectBasicChallenge(response: Response): Promise<TokenErrorResponse> {
  const body = await expectTokenError(response, "invalid_client", 401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
  return body;
}

/** Without the Authorization header, invalid_client is a 400 and carries no challenge (RFC 6749 §5.2). */
async function expectInvalidClientWithoutChallenge(response: Response): Promise<TokenErrorResponse> {
  const body = await expectTokenError(response, "invalid_client");
  expect(response.headers.get("www-authenticate")).toBeNull();
  return body;
}

describe("client_secret_basic (RFC 6749 §2.3.1)", () => {
  it("authenticates a client by its id and secret in the Authorization header", async () => {
    const client = await registerServiceClient();
    const response = await tokenRequest(clientCredentials, { authorization: basic(client.id, client.secret!) });

    await expectTokens(response, { scope: "photos:read" });
    expect(await countTokensOf(client)).toBe(1);
  });

  it("accepts an id and secret with reserved characters when each is form-urlencoded first", async () => {
    // RFC 6749 §2.3.1: the client id and secret are encoded with application/x-www-form-urlencoded
    // before they are joined by a colon, so a colon, a plus or a percent in them is not ambiguous.
    const id = `service client:${randomUUID()}+100%`;
    const secret = "p%25ss:w+rd with spaces/and&more=é";
    await db.client.create({
      data: {
        id,
        name: "Client with reserved characters",
        secretHash: hashSecret(secret),
        tokenEndpointAuthMethod: "client_secret_basic",
        allowedScopes: "photos:read",
        allowedGrantTypes: "client_credentials",
      },
    });

    const encoded = await tokenRequest(clientCredentials, { authorization: basic(id, secret) });
    await expectTokens(encoded, { scope: "photos:read" });
    expect(await db.accessToken.count({ where: { clientId: id } })).toBe(1);

    // The same credentials sent unencoded are a different id and secret, and fail.
    const unencoded = await tokenRequest(clientCredentials, { authorization: rawBasic(`${id}:${secret}`) });
    await expectBasicChallenge(unencoded);
  });

  it("refuses a wrong secret with 401 and a Basic challenge", async () => {
    const client = await registerServiceClient();
    const response = await tokenRequest(clientCredentials, { authorization: basic(client.id, "not-the-secret") });

    await expectBasicChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses an unknown client id with 401 and a Basic challenge", async () => {
    const response = await tokenRequest(clientCredentials, {
      authorization: basic(`no-such-client-${randomUUID()}`, "some-secret"),
    });

    await expectBasicChallenge(response);
  });

  it.each([
    ["without a colon", (client: TestClient) => rawBasic(client.id)],
    ["that is not base64", () => "Basic @@@@"],
    ["with an empty secret", (client: TestClient) => basic(client.id, "")],
    ["with no credentials after the scheme", () => "Basic"],
  ])("refuses Basic credentials %s with 401", async (_, authorization) => {
    const client = await registerServiceClient();
    const response = await tokenRequest(clientCredentials, { authorization: authorization(client) });

    await expectBasicChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses another scheme in the Authorization header with 401, asking for Basic", async () => {
    const client = await registerServiceClient();
    const response = await tokenRequest({ ...clientCredentials, client_id: client.id }, { authorization: "Bearer xyz" });

    await expectBasicChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("accepts the scheme name in any letter case", async () => {
    // RFC 7235 §2.1 (and RFC 7617 §2): the auth-scheme is case-insensitive.
    const client = await registerServiceClient();
    const response = await tokenRequest(clientCredentials, {
      authorization: basic(client.id, client.secret!).replace(/^Basic/, "bASIC"),
    });

    await expectTokens(response, { scope: "photos:read" });
  });

  it("accepts the same client_id in the body as in the Authorization header", async () => {
    // RFC 6749 §3.2.1: a client MAY send client_id to identify itself.
    const client = await registerServiceClient();
    const response = await tokenRequest(
      { ...clientCredentials, client_id: client.id },
      { authorization: basic(client.id, client.secret!) },
    );

    await expectTokens(response, { scope: "photos:read" });
  });
});

describe("client_secret_post (RFC 6749 §2.3.1)", () => {
  it("authenticates a client registered for it by client_id and client_secret in the body", async () => {
    const client = await registerServiceClient("client_secret_post");
    const response = await tokenRequest({ ...clientCredentials, client_id: client.id, client_secret: client.secret! });

    await expectTokens(response, { scope: "photos:read" });
    expect(await countTokensOf(client)).toBe(1);
  });

  it("refuses a wrong secret with 400 and no challenge, since no Authorization header was used", async () => {
    const client = await registerServiceClient("client_secret_post");
    const response = await tokenRequest({ ...clientCredentials, client_id: client.id, client_secret: "not-the-secret" });

    await expectInvalidClientWithoutChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });
});

describe("the registered authentication method is enforced (RFC 6749 §2.3, §3.2.1)", () => {
  it("refuses a client registered for client_secret_basic that sends its secret in the body", async () => {
    const client = await registerServiceClient("client_secret_basic");
    const response = await tokenRequest({ ...clientCredentials, client_id: client.id, client_secret: client.secret! });

    await expectInvalidClientWithoutChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a client registered for client_secret_post that uses the Authorization header", async () => {
    const client = await registerServiceClient("client_secret_post");
    const response = await tokenRequest(clientCredentials, { authorization: basic(client.id, client.secret!) });

    await expectBasicChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a public client that sends a secret", async () => {
    const client = await registerClient({ authMethod: "none" });
    const { code, verifier } = await obtainCode(client);
    const response = await tokenRequest({
      grant_type: "authorization_code",
      code,
      redirect_uri: client.redirectUri,
      code_verifier: verifier,
      client_id: client.id,
      client_secret: "a-secret-it-was-never-given",
    });

    await expectInvalidClientWithoutChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a confidential client that sends only its client_id", async () => {
    // RFC 6749 §3.2.1: confidential clients must authenticate at the token endpoint.
    const client = await registerServiceClient();
    const response = await tokenRequest({ ...clientCredentials, client_id: client.id });

    await expectInvalidClientWithoutChallenge(response);
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a request that names no client at all", async () => {
    const response = await tokenRequest(clientCredentials);

    await expectInvalidClientWithoutChallenge(response);
  });
});

describe("one authentication method per request (RFC 6749 §2.3)", () => {
  it("refuses the Authorization header together with client_secret in the body", async () => {
    const client = await registerServiceClient();
    const response = await tokenRequest(
      { ...clientCredentials, client_id: client.id, client_secret: client.secret! },
      { authorization: basic(client.id, client.secret!) },
    );

    await expectTokenError(response, "invalid_request");
    expect(await countTokensOf(client)).toBe(0);
  });

  it("refuses a body client_id that differs from the client in the Authorization header", async () => {
    const client = await registerServiceClient();
    const other = await registerServiceClient();
    const response = await tokenRequest(
      { ...clientCredentials, client_id: other.id },
      { authorization: basic(client.id, client.secret!) },
    );

    await expectTokenError(response, "invalid_request");
    expect(await countTokensOf(client)).toBe(0);
    expect(await countTokensOf(other)).toBe(0);
  });
});

describe("error responses of client authentication", () => {
  it("never repeat the secret the client sent", async () => {
    // RFC 6749 §5.2: error_description is for the developer; a secret has no place in it, nor in
    // any header of the response.
    const basicClient = await registerServiceClient();
    const postClient = await registerServiceClient("client_secret_post");
    const wrongSecret = `wrong-secret-${randomUUID()}`;
    const attempts: Array<{ fields: Record<string, string>; headers?: Record<string, string>; secret: string }> = [
      { fields: clientCredentials, headers: { authorization: basic(basicClient.id, wrongSecret) }, secret: wrongSecret },
      { fields: { ...clientCredentials, client_id: postClient.id, client_secret: wrongSecret }, secret: wrongSecret },
      { fields: { ...clientCredentials, client_id: basicClient.id, client_secret: basicClient.secret! }, secret: basicClient.secret! },
      {
        fields: { ...clientCredentials, client_secret: basicClient.secret! },
        headers: { authorization: basic(basicClient.id, basicClient.secret!) },
        secret: basicClient.secret!,
      },
    ];

    for (const { fields, headers, secret } of attempts) {
      const response = await tokenRequest(fields, headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expectNoStore(response);
      const headerValues = [...response.headers.values()].join("\n");
      expect(await response.text()).not.toContain(secret);
      expect(headerValues).not.toContain(secret);
    }
  });
});

describe("throttling of failed client authentications (RFC 6819 §5.1.4.2.3)", () => {
  function attempt(client: { id: string }, secret: string, address: string) {
    return tokenEndpoint(
      formRequest("/token", { grant_type: "client_credentials", scope: "photos:read" }, {
        origin: null,
        headers: { authorization: basic(client.id, secret), "x-forwarded-for": address },
      }),
    );
  }

  it("refuses a client for a while after ten failures from one address, with 429 and Retry-After, even with the right secret", async () => {
    const client = await registerServiceClient();
    for (let failure = 0; failure < 10; failure += 1) {
      await expectTokenError(await attempt(client, "wrong-secret", "198.51.100.7"), "invalid_client", 401);
    }
    const refused = await attempt(client, client.secret!, "198.51.100.7");
    await expectTokenError(refused, "invalid_client", 429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await countTokensOf(client)).toBe(0);
  });

  // A failure is counted once the secret has been compared (it takes microseconds), so wrong
  // secrets sent at once are each compared until the block is stored; then every one is refused.
  it("counts each of 60 wrong secrets sent at once that was compared, then refuses even the right secret with 429", async () => {
    const client = await registerServiceClient();

    const answers = await Promise.all(Array.from({ length: 60 }, (_, index) => attempt(client, `wrong-${index}`, "198.51.100.10")));

    const compared = answers.filter((response) => response.status === 401);
    const refused = answers.filter((response) => response.status === 429);
    expect(compared.length).toBeGreaterThanOrEqual(10);
    expect(compared.length + refused.length).toBe(60);
    for (const response of refused) expect(response.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
    const counted = await db.throttle.findUniqueOrThrow({ where: { key: `client-auth:${client.id}@198.51.100.10` } });
    expect(counted.failures).toBe(compared.length);
    await expectTokenError(await attempt(client, client.secret!, "198.51.100.10"), "invalid_client", 429);
  });

  it("never counts a client's own requests in flight against it: 30 at once with the right secret all get tokens", async () => {
    const client = await registerServiceClient();

    const answers = await Promise.all(Array.from({ length: 30 }, () => attempt(client, client.secret!, "198.51.100.12")));

    expect(answers.map((response) => response.status)).toEqual(Array(30).fill(200));
    expect(await countTokensOf(client)).toBe(30);
  });

  it("does not count a successful authentication as a failure", async () => {
    const client = await registerServiceClient();
    for (let success = 0; success < 12; success += 1) await expectTokens(await attempt(client, client.secret!, "198.51.100.11"));
    for (let failure = 0; failure < 9; failure += 1) await attempt(client, "wrong-secret", "198.51.100.11");
    await expectTokens(await attempt(client, client.secret!, "198.51.100.11"));
  });

  it("does not refuse the same client from another address, nor another client", async () => {
    const client = await registerServiceClient();
    const other = await registerServiceClient();
    for (let failure = 0; failure < 10; failure += 1) await attempt(client, "wrong-secret", "198.51.100.8");
    await expectTokens(await attempt(client, client.secret!, "198.51.100.9"));
    await expectTokens(await attempt(other, other.secret!, "198.51.100.8"));
  });
});
