// How the API refuses a request whose access token is missing, malformed, invalid or too weak:
// the status and the WWW-Authenticate challenge of RFC 6750 §3, and the same error as JSON.
import { createHmac } from "node:crypto";
import { base64url, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { GET, POST } from "@/app/photos/route";
import { refusal } from "./assertions.ts";
import { fakeAuthorizationServer } from "./fake-authorization-server.ts";
import { api, apiRequest, noParams, subjectOf, tokenFor } from "./fixtures.ts";

const resourceMetadata = 'resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"';
/** Without credentials, both schemes are offered: Bearer, and DPoP with its algorithms (RFC 9449 §7.2). */
const realmOnly = `Bearer realm="PhotoCloud API", ${resourceMetadata}, DPoP realm="PhotoCloud API", algs="ES256", ${resourceMetadata}`;

/** The challenge of a refusal with an error code (RFC 6750 §3). */
function challenge(error: string, description: string): string {
  return `Bearer realm="PhotoCloud API", error="${error}", error_description="${description}", ${resourceMetadata}`;
}

/** GET /photos with exactly these request headers. */
function listWith(headers: Record<string, string>, path = "/photos"): Promise<Response> {
  return GET(apiRequest(path, { headers }), noParams);
}

/** A JWT put together by hand, for headers and signatures that jose refuses to produce. */
function handMadeJwt(header: object, claims: object, sign: (input: string) => string): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  return `${input}.${sign(input)}`;
}

describe("a request without credentials (RFC 6750 §3.1)", () => {
  it("is answered 401 with a challenge naming only the realm", async () => {
    const response = await listWith({});
    // "If the request lacks any authentication information [...] the resource server SHOULD NOT
    // include an error code or other error information" in the challenge.
    expect(await refusal(response)).toEqual({
      status: 401,
      challenge: realmOnly,
      body: { message: "This request needs an access token in an Authorization: Bearer or Authorization: DPoP header." },
    });
  });

  it("treats credentials of another scheme, such as Basic, as no credentials at all", async () => {
    const response = await listWith({ authorization: `Basic ${btoa("alice:wonderland")}` });
    expect(await refusal(response)).toEqual({
      status: 401,
      challenge: realmOnly,
      body: { message: "This request needs an access token in an Authorization: Bearer or Authorization: DPoP header." },
    });
  });
});

describe("a malformed request (invalid_request, RFC 6750 §3.1)", () => {
  const badHeader = "The Authorization header must be 'Bearer', a space, and the token.";

  // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token, and b64token has no spaces or commas.
  it.each([
    ["with no token", "Bearer"],
    ["with two tokens", "Bearer a b"],
    ["with a comma, which a b64token cannot hold", "Bearer a,b"],
  ])("refuses an Authorization header %s with 400", async (_label, authorization) => {
    const response = await listWith({ authorization });
    expect(await refusal(response)).toEqual({
      status: 400,
      challenge: challenge("invalid_request", badHeader),
      body: { error: "invalid_request", error_description: badHeader },
    });
  });

  it("refuses two Authorization headers, which arrive joined into one malformed value", async () => {
    const token = await tokenFor("alice", "photos:read");
    const headers = new Headers();
    headers.append("authorization", `Bearer ${token}`);
    headers.append("authorization", `Bearer ${token}`);
    const response = await GET(new Request(`${api}/photos`, { headers }), noParams);
    expect(await refusal(response, { token })).toEqual({
      status: 400,
      challenge: challenge("invalid_request", badHeader),
      body: { error: "invalid_request", error_description: badHeader },
    });
  });

  it("refuses an access_token in the query string, even a valid one (RFC 6750 §2.3)", async () => {
    const token = await tokenFor("alice");
    const description = "Send the access token in the Authorization header; tokens in URLs are refused.";
    const response = await listWith({}, `/photos?access_token=${token}`);
    expect(await refusal(response, { token })).toEqual({
      status: 400,
      challenge: challenge("invalid_request", description),
      body: { error: "invalid_request", error_description: description },
    });
  });

  it("refuses an access_token in the query string also next to a valid Authorization header (RFC 6750 §2)", async () => {
    // "Clients MUST NOT use more than one method to transmit the token in each request."
    const token = await tokenFor("alice");
    const response = await GET(apiRequest(`/photos?access_token=${token}`, { token }), noParams);
    expect((await refusal(response, { token })).body).toMatchObject({ error: "invalid_request" });
    expect(response.status).toBe(400);
  });

  it("refuses an access_token in a form-encoded body, and creates nothing (RFC 6750 §2.2)", async () => {
    const token = await tokenFor("alice");
    const description = "Send the access token in the Authorization header; tokens in a form body are refused.";
    const photosBefore = await db.photo.count();
    const response = await POST(
      apiRequest("/photos", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ access_token: token, title: "Sent the wrong way" }).toString(),
      }),
      noParams,
    );
    expect(await refusal(response, { token })).toEqual({
      status: 400,
      challenge: challenge("invalid_request", description),
      body: { error: "invalid_request", error_description: description },
    });
    expect(await db.photo.count()).toBe(photosBefore);
  });
});

describe("the Bearer scheme name", () => {
  // RFC 9110 §11.1: "It uses a case-insensitive token to identify the authentication scheme."
  it.each(["bearer", "BEARER"])("is accepted in any case: %s", async (scheme) => {
    const token = await tokenFor("alice", "photos:read");
    const response = await listWith({ authorization: `${scheme} ${token}` });
    expect(response.status).toBe(200);
    expect((await response.json()).photos.length).toBeGreaterThan(0);
  });
});

describe("an invalid token (invalid_token, RFC 6750 §3.1, checked as RFC 9068 §4 says)", () => {
  const sub = () => subjectOf("alice");
  const scope = "photos:read";

  /** Each case: how to make the token, and the error_description the API answers with. */
  const cases: [label: string, token: () => Promise<string>, description: string][] = [
    [
      "signed with a key the authorization server never published",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { key: (await generateKeyPair("ES256")).privateKey }),
      "The access token's signature does not verify.",
    ],
    [
      "with alg none and no signature",
      async () => {
        const header = { alg: "none", typ: "at+jwt", kid: fakeAuthorizationServer.currentKey.kid };
        return handMadeJwt(header, fakeAuthorizationServer.claims(await sub(), scope), () => "");
      },
      "The access token must be signed with ES256.",
    ],
    [
      "signed HS256 with the published public key as the secret (algorithm confusion)",
      async () => {
        const { currentKey } = fakeAuthorizationServer;
        const secret = JSON.stringify(currentKey.publicJwk);
        const header = { alg: "HS256", typ: "at+jwt", kid: currentKey.kid };
        return handMadeJwt(header, fakeAuthorizationServer.claims(await sub(), scope), (input) =>
          createHmac("sha256", secret).update(input).digest("base64url"),
        );
      },
      "The access token must be signed with ES256.",
    ],
    [
      // RFC 9068 §4: the resource server MUST check that typ is at+jwt (or application/at+jwt).
      "with typ JWT, as an ID token or other JWT would have",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { header: { typ: "JWT" } }),
      "This is not an access token: its typ header must be at+jwt.",
    ],
    [
      "issued by another authorization server",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { claims: { iss: "https://other-issuer.example" } }),
      "The access token was issued by another authorization server.",
    ],
    [
      "meant for another resource server",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { claims: { aud: "https://other-api.example" } }),
      "The access token is meant for another resource server.",
    ],
    [
      "that expired a minute ago, well beyond the five-second leeway",
      async () => {
        const now = Math.floor(Date.now() / 1000);
        return fakeAuthorizationServer.issueToken(await sub(), scope, { claims: { iat: now - 660, exp: now - 60 } });
      },
      "The access token has expired.",
    ],
    [
      "that is not valid before a minute from now",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { claims: { nbf: Math.floor(Date.now() / 1000) + 60 } }),
      "The access token is not valid yet.",
    ],
    [
      "signed under a kid the authorization server does not publish",
      async () => fakeAuthorizationServer.issueToken(await sub(), scope, { header: { kid: crypto.randomUUID() } }),
      "The access token is signed with a key this server does not know.",
    ],
    [
      "whose payload was changed after signing, to widen its scope",
      async () => {
        const [header, , signature] = (await fakeAuthorizationServer.issueToken(await sub(), scope)).split(".");
        const widened = base64url.encode(JSON.stringify(fakeAuthorizationServer.claims(await sub(), "photos:read photos:write")));
        return `${header}.${widened}.${signature}`;
      },
      "The access token's signature does not verify.",
    ],
    ["that is not a JWT at all", async () => "not-a-jwt", "The access token is malformed."],
  ];

  it.each(cases)("refuses a token %s with 401", async (_label, makeToken, description) => {
    const token = await makeToken();
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(await refusal(response, { token })).toEqual({
      status: 401,
      challenge: challenge("invalid_token", description),
      body: { error: "invalid_token", error_description: description },
    });
  });

  it("answers an expired token with exactly this challenge", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await fakeAuthorizationServer.issueToken(await sub(), scope, { claims: { iat: now - 660, exp: now - 60 } });
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(response.headers.get("www-authenticate")).toBe(
      'Bearer realm="PhotoCloud API", error="invalid_token", error_description="The access token has expired.", resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"',
    );
  });
});

describe("a token without the scope the request needs (insufficient_scope, RFC 6750 §3.1)", () => {
  it("is answered 403 naming the missing scope, and no photo is created", async () => {
    const token = await tokenFor("alice", "photos:read");
    const photosBefore = await db.photo.count();
    const response = await POST(apiRequest("/photos", { token, method: "POST", body: { title: "Not allowed" } }), noParams);
    expect(await refusal(response, { token })).toEqual({
      status: 403,
      // "The scope attribute [...] indicates the scope of access required" (RFC 6750 §3).
      challenge:
        'Bearer realm="PhotoCloud API", error="insufficient_scope", error_description="This request needs the scope photos:write.", scope="photos:write", resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"',
      body: { error: "insufficient_scope", error_description: "This request needs the scope photos:write." },
    });
    expect(await db.photo.count()).toBe(photosBefore);
  });

  it("is answered 403 on a read with a token that holds only profile", async () => {
    const token = await tokenFor("alice", "profile");
    const response = await GET(apiRequest("/photos", { token }), noParams);
    expect(await refusal(response, { token })).toEqual({
      status: 403,
      challenge:
        'Bearer realm="PhotoCloud API", error="insufficient_scope", error_description="This request needs the scope photos:read.", scope="photos:read", resource_metadata="http://localhost:3002/.well-known/oauth-protected-resource"',
      body: { error: "insufficient_scope", error_description: "This request needs the scope photos:read." },
    });
  });
});
